import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents } from "./events"
import { advanceSaleStatusesStep } from "./steps/advance-sale-statuses"
import { forgetSaleCachesStep } from "./steps/forget-sale-caches"

export const advanceSaleStatusesWorkflowId = "flash-sale-advance-statuses"

/**
 * Starts and ends sales whose time has come and announces each change once
 * with `flash_sale.started` or `flash_sale.ended`.
 */
export const advanceSaleStatusesWorkflow = createWorkflow(
  advanceSaleStatusesWorkflowId,
  (input: { now: string }) => {
    const { started, ended } = advanceSaleStatusesStep(input)
    const changed = transform(
      { started, ended },
      function changedSales({ started, ended }) {
        return {
          ids: [...started, ...ended],
          started: started.map((id) => ({ id })),
          ended: ended.map((id) => ({ id })),
        }
      }
    )
    forgetSaleCachesStep({ sale_ids: changed.ids })

    when(
      "sales-started",
      { changed },
      ({ changed }) => !!changed.started.length
    ).then(() => {
      emitEventStep({
        eventName: FlashSaleEvents.STARTED,
        data: changed.started,
      }).config({ name: "emit-flash-sale-started" })
    })
    when(
      "sales-ended",
      { changed },
      ({ changed }) => !!changed.ended.length
    ).then(() => {
      emitEventStep({
        eventName: FlashSaleEvents.ENDED,
        data: changed.ended,
      }).config({ name: "emit-flash-sale-ended" })
    })
    return new WorkflowResponse({ started, ended })
  }
)
