import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  rollbackKey,
  type LoyaltyEntryDTO,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { alreadyWritten } from "./already-written"
import { EARN_REVERSAL } from "./keys"

/** The loyalty module from a step's container. */
export const loyaltyOf = (container: MedusaContainer) =>
  container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)

/**
 * Runs one keyed ledger write and answers with the entry, handing the
 * compensation its id only when this run wrote it: a repeat of an earlier
 * write is not this run's to roll back.
 */
export async function writeOnce(
  container: MedusaContainer,
  idempotencyKey: string | null | undefined,
  write: (loyalty: LoyaltyModuleService) => Promise<LoyaltyEntryDTO>
) {
  const loyalty = loyaltyOf(container)
  const existed = await alreadyWritten(loyalty, idempotencyKey)
  const entry = await write(loyalty)
  return new StepResponse(entry, existed ? null : entry.id)
}

/**
 * Undoes a ledger entry by appending its opposite (the ledger is
 * append-only); keyed by the entry, so a retried compensation undoes it once
 * and the entry's own key is free to be written again. Undoing an earning,
 * or a reversal of one, moves `lifetime_earned` back by what it moved.
 */
export async function rollBackEntry(
  container: MedusaContainer,
  entryId: string | null | undefined
): Promise<void> {
  if (!entryId) {
    return
  }
  const loyalty = loyaltyOf(container)
  const entry = await loyalty.retrieveLoyaltyEntry(entryId)
  const account = await loyalty.retrieveLoyaltyAccount(entry.account_id)
  const change = {
    customerId: account.customer_id,
    points: Math.abs(entry.points),
    type: "reverse" as const,
    reason: `Rolled back: ${entry.reason}`,
    sourceType: entry.source_type,
    sourceId: entry.source_id,
    idempotencyKey: rollbackKey(entry.id),
    metadata: undoingMetadata(entry),
    ...earningsToUndo(entry),
  }
  if (entry.points > 0) {
    await loyalty.debit(change)
  } else {
    await loyalty.credit(change)
  }
}

/**
 * How undoing the entry moves `lifetime_earned`: back by what the entry
 * recorded it moved, which a floor at zero can make less than its points.
 * Entries written before that was recorded moved it by all their points
 * when they were earnings, or reversals of them.
 */
function earningsToUndo(entry: LoyaltyEntryDTO): {
  earned: boolean
  earnedPoints?: number
} {
  const moved = entry.metadata?.lifetime_moved
  if (typeof moved === "number") {
    return { earned: true, earnedPoints: Math.abs(moved) }
  }
  return {
    earned:
      entry.type === "earn" ||
      entry.type === "bonus" ||
      entry.metadata?.kind === EARN_REVERSAL,
  }
}

/**
 * What the undoing entry records: the entry's kind, and the spend that
 * cancels the entry's in the 12-month spend, where `earn` entries add their
 * spend and `reverse` entries, this one included, subtract theirs.
 */
function undoingMetadata(entry: LoyaltyEntryDTO): Record<string, unknown> {
  const { kind, spend } = entry.metadata ?? {}
  const counted =
    spend === undefined || spend === null
      ? null
      : entry.type === "earn"
        ? Number(spend)
        : -Number(spend)
  return {
    rolled_back_entry_id: entry.id,
    ...(kind === undefined ? {} : { kind }),
    ...(counted === null ? {} : { spend: counted }),
  }
}
