import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { alreadyWritten } from "../utils/already-written"
import { rollBackEntry } from "../utils/rollback-entry"

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
    for (const id of written ?? []) {
      await rollBackEntry(container, id)
    }
  }
)
