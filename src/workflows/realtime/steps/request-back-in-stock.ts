import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type RealtimeModuleService,
  type RequestBackInStockInput,
} from "../../../modules/realtime"

export const requestBackInStockStepId = "realtime-request-back-in-stock"

/**
 * Records a back-in-stock request; a pending one is returned as is. The
 * compensation deletes only a request this step created.
 */
export const requestBackInStockStep = createStep(
  requestBackInStockStepId,
  async (input: RequestBackInStockInput, { container }) => {
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const result = await realtime.requestBackInStock(input)
    return new StepResponse(
      result,
      result.created ? result.subscription.id : null
    )
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    await realtime.deleteBackInStockSubscriptions(createdId)
  }
)
