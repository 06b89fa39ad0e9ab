import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents } from "./events"
import { endFlashSaleStep } from "./steps/end-flash-sale"
import { forgetSaleCachesStep } from "./steps/forget-sale-caches"

export const endFlashSaleWorkflowId = "flash-sale-end"

/** Ends a sale ahead of time and announces it once. */
export const endFlashSaleWorkflow = createWorkflow(
  endFlashSaleWorkflowId,
  (input: { id: string }) => {
    const ended = endFlashSaleStep(input)
    const saleIds = transform({ input }, function endedSale({ input }) {
      return [input.id]
    })
    forgetSaleCachesStep({ sale_ids: saleIds })
    when("sale-just-ended", { ended }, ({ ended }) => ended.changed).then(
      () => {
        emitEventStep({
          eventName: FlashSaleEvents.ENDED,
          data: { id: input.id },
        })
      }
    )
    return new WorkflowResponse(ended)
  }
)
