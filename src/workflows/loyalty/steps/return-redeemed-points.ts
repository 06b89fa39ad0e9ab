import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreditPointsInput } from "../../../modules/loyalty"
import { alreadyWritten } from "../utils/already-written"
import { REDEMPTION_RETURN } from "../utils/keys"
import { loyaltyOf, rollBackEntry } from "../utils/rollback-entry"

export const returnRedeemedPointsStepId = "loyalty-return-redeemed-points"

/**
 * Gives back the points a canceled order was paid with, under the
 * redemption's rollback key. When the redemption's undo took that key
 * first, the entry returned is the undo's, which the compensation leaves
 * alone: only a return this run wrote is this run's to roll back.
 */
export const returnRedeemedPointsStep = createStep(
  returnRedeemedPointsStepId,
  async (input: CreditPointsInput, { container }) => {
    const loyalty = loyaltyOf(container)
    const existed = await alreadyWritten(loyalty, input.idempotencyKey)
    const entry = await loyalty.credit(input)
    const returnedNow = !existed && entry.metadata?.kind === REDEMPTION_RETURN
    return new StepResponse(entry, returnedNow ? entry.id : null)
  },
  async (entryId, { container }) => rollBackEntry(container, entryId)
)
