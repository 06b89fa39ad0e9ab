import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { alreadyWritten } from "../utils/already-written"

export const creditPointsStepId = "loyalty-credit-points"

/**
 * Credits points to a customer's ledger. Keyed writes happen
 * once; the compensation appends a reversing entry (the ledger is append-only).
 */
export const creditPointsStep = createStep(
  creditPointsStepId,
  async (input: CreditPointsInput, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const existed = await alreadyWritten(loyalty, input.idempotencyKey)
    const entry = await loyalty.credit(input)
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
    await loyalty.debit({
      customerId: account.customer_id,
      points: entry.points,
      type: "reverse",
      reason: `Rolled back: ${entry.reason}`,
      sourceType: entry.source_type,
      sourceId: entry.source_id,
      idempotencyKey: `rollback:${entry.id}`,
    })
  }
)
