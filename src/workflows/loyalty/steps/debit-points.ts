import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type DebitPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { alreadyWritten } from "../utils/already-written"

export const debitPointsStepId = "loyalty-debit-points"

/**
 * Debits points from a customer's ledger, never below zero. Keyed writes happen
 * once; the compensation appends a reversing entry (the ledger is append-only).
 */
export const debitPointsStep = createStep(
  debitPointsStepId,
  async (input: DebitPointsInput, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const existed = await alreadyWritten(loyalty, input.idempotencyKey)
    const entry = await loyalty.debit(input)
    // A repeat of an earlier write is not this run's to roll back.
    return new StepResponse(entry, existed ? null : entry.id)
  },
  async (entryId, { container }) => {
    if (!entryId) {
      return
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const entry = await loyalty.retrieveLoyaltyEntry(entryId)
    const account = await loyalty.retrieveLoyaltyAccount(entry.account_id)
    await loyalty.credit({
      customerId: account.customer_id,
      points: Math.abs(entry.points),
      type: "reverse",
      reason: `Rolled back: ${entry.reason}`,
      sourceType: entry.source_type,
      sourceId: entry.source_id,
      idempotencyKey: `rollback:${entry.id}`,
    })
  }
)
