import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { alreadyWritten } from "../utils/already-written"

export const creditManyStepId = "loyalty-credit-many"

/**
 * Several keyed credits that belong together; the compensation reverses the
 * ones this run wrote.
 */
export const creditManyStep = createStep(
  creditManyStepId,
  async (credits: CreditPointsInput[], { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const written: string[] = []
    for (const credit of credits) {
      const existed = await alreadyWritten(loyalty, credit.idempotencyKey)
      const entry = await loyalty.credit(credit)
      if (!existed) {
        written.push(entry.id)
      }
    }
    return new StepResponse(written.length, written)
  },
  async (written, { container }) => {
    if (!written?.length) {
      return
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    for (const id of written) {
      const entry = await loyalty.retrieveLoyaltyEntry(id)
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
  }
)
