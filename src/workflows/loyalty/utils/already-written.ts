import type { LoyaltyModuleService } from "../../../modules/loyalty"

/**
 * Whether an entry stands for this idempotency key; one that was rolled back
 * does not, so its write may happen again.
 */
export async function alreadyWritten(
  loyalty: LoyaltyModuleService,
  idempotencyKey?: string | null
): Promise<boolean> {
  if (!idempotencyKey) {
    return false
  }
  return !!(await loyalty.retrieveEntryByKey(idempotencyKey))
}
