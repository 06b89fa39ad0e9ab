import { MedusaError } from "@medusajs/framework/utils"
import type { LedgerChange, LoyaltyEntryDTO } from "../types"

/** A ledger row found by idempotency key, with its owner's customer id. */
export type KeyedEntryRow = LoyaltyEntryDTO & { customer_id: string }

/**
 * The earlier entry when `change` repeats it. A key already spent on another
 * customer or amount is a caller bug, so it throws `CONFLICT` rather than
 * hand back an entry that does not describe this change.
 */
export function sameChangeOrThrow(
  { customer_id, ...entry }: KeyedEntryRow,
  change: LedgerChange,
  delta: number
): LoyaltyEntryDTO {
  if (customer_id !== change.customerId || entry.points !== delta) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Idempotency key ${change.idempotencyKey} was already used for another change`
    )
  }
  return entry
}
