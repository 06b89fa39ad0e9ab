import { MedusaError } from "@medusajs/framework/utils"
import type { LedgerChange, LoyaltyEntryDTO } from "../types"

/**
 * A ledger row found by idempotency key, with its owner's customer id and
 * whether a `rollback:<entry id>` entry undid it.
 */
export type KeyedEntryRow = LoyaltyEntryDTO & {
  customer_id: string
  rolled_back: boolean
}

/** The entry of a keyed row, without the lookup's extra columns. */
export function entryOf({
  customer_id: _owner,
  rolled_back: _rolledBack,
  ...entry
}: KeyedEntryRow): LoyaltyEntryDTO {
  return entry
}

/**
 * The earlier entry when `change` repeats it. A key already spent on another
 * customer or amount is a caller bug, so it throws `CONFLICT` rather than
 * hand back an entry that does not describe this change.
 */
export function sameChangeOrThrow(
  row: KeyedEntryRow,
  change: LedgerChange,
  delta: number
): LoyaltyEntryDTO {
  if (row.customer_id !== change.customerId || row.points !== delta) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Idempotency key ${change.idempotencyKey} was already used for another change`
    )
  }
  return entryOf(row)
}

/**
 * The earlier entry when a capped debit repeats it: same customer, and no
 * more points than requested, since the cap may have taken fewer.
 */
export function sameCappedDebitOrThrow(
  row: KeyedEntryRow,
  change: LedgerChange
): LoyaltyEntryDTO {
  if (
    row.customer_id !== change.customerId ||
    row.points >= 0 ||
    -row.points > change.points
  ) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Idempotency key ${change.idempotencyKey} was already used for another change`
    )
  }
  return entryOf(row)
}

/** The key of the entry that undoes the ledger entry `entryId`. */
export const rollbackKey = (entryId: string) => `rollback:${entryId}`

/** The key a write takes once the entry `undoneId` under `key` was undone. */
export const retryKey = (key: string, undoneId: string) =>
  `${key}:retry:${undoneId}`
