import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"

export const sweepExpiredStepId = "flash-sale-sweep-expired"

/**
 * Expires the reservations past their deadline at `now` and frees their
 * units. Nothing to compensate: the holds were over anyway.
 */
export const sweepExpiredStep = createStep(
  sweepExpiredStepId,
  async ({ now }: { now: string }, { container }) => {
    const result = await flashSaleService(container).sweepExpired(new Date(now))
    return new StepResponse(result)
  }
)
