import type { LoyaltyModuleService } from "../../../modules/loyalty"

/** Whether a ledger entry with this idempotency key exists already. */
export async function alreadyWritten(
  loyalty: LoyaltyModuleService,
  idempotencyKey?: string | null
): Promise<boolean> {
  if (!idempotencyKey) {
    return false
  }
  const [count] = await loyalty.listAndCountLoyaltyEntries(
    { idempotency_key: idempotencyKey },
    { take: 1, select: ["id"] }
  )
  return count.length > 0
}
