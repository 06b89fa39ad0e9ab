import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreditPointsInput } from "../../../modules/loyalty"
import { loyaltyOf } from "../utils/rollback-entry"

export const returnRedeemedPointsStepId = "loyalty-return-redeemed-points"

/**
 * Gives back the points a canceled order was paid with, under the
 * redemption's rollback key; when the redemption's undo took that key first,
 * the undo's entry comes back instead. No compensation: the order is
 * canceled whatever fails after this step, so the points are owed, and
 * taking them back could undo another run's return or the undo's.
 */
export const returnRedeemedPointsStep = createStep(
  returnRedeemedPointsStepId,
  async (input: CreditPointsInput, { container }) =>
    new StepResponse(await loyaltyOf(container).credit(input))
)
