import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type RealtimeModuleService,
} from "../../../modules/realtime"

export const claimBackInStockStepId = "realtime-claim-back-in-stock"

/**
 * Marks the pending back-in-stock requests of the variants notified, in one
 * statement, so each request is notified once however many restocks race.
 * The compensation makes them pending again.
 */
export const claimBackInStockStep = createStep(
  claimBackInStockStepId,
  async (variantIds: string[], { container }) => {
    if (!variantIds.length) {
      return new StepResponse([], [])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const claimed = await realtime.claimBackInStock(variantIds)
    return new StepResponse(
      claimed,
      claimed.map(({ id }) => id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    await realtime.releaseBackInStock(ids)
  }
)
