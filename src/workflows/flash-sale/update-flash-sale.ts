import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents, unitsChangedEvents } from "./events"
import { forgetSaleCachesStep } from "./steps/forget-sale-caches"
import { updateFlashSaleStep } from "./steps/update-flash-sale"
import { validateAllocationsStep } from "./steps/validate-allocations"
import {
  validateSaleUpdateStep,
  type FlashSaleUpdate,
} from "./steps/validate-sale-update"

export const updateFlashSaleWorkflowId = "flash-sale-update"

/**
 * Edits a sale's title, window, prices, limits or allocations, then makes
 * the reservation engine forget its cached copy. Changed allocations are
 * streamed as units left, and an allocation lowered onto the units already
 * sold and reserved announces that sell-out, once.
 */
export const updateFlashSaleWorkflow = createWorkflow(
  updateFlashSaleWorkflowId,
  (input: { id: string; update: FlashSaleUpdate }) => {
    const { previous, allocations } = validateSaleUpdateStep(input)
    validateAllocationsStep({ allocations })
    const { id, allocated } = updateFlashSaleStep({
      id: input.id,
      update: input.update,
      previous,
    })
    const saleIds = transform({ id }, function editedSale({ id }) {
      return [id]
    })
    forgetSaleCachesStep({ sale_ids: saleIds })

    const unitsChanged = transform(
      { allocated },
      function reallocatedUnits({ allocated }) {
        return unitsChangedEvents(
          allocated.map((item) => ({ sale_id: item.sale_id, item_id: item.id }))
        )
      }
    )
    emitEventStep({
      eventName: FlashSaleEvents.UNITS_CHANGED,
      data: unitsChanged,
    }).config({ name: "emit-reallocated-units-changed" })

    const soldOut = transform(
      { allocated },
      function reallocatedSellOuts({ allocated }) {
        return allocated
          .filter((item) => item.units_left === 0)
          .map((item) => ({
            id: item.sale_id,
            item_id: item.id,
            variant_id: item.variant_id,
          }))
      }
    )
    emitEventStep({
      eventName: FlashSaleEvents.SOLD_OUT,
      data: soldOut,
    }).config({ name: "emit-reallocated-sold-out" })

    return new WorkflowResponse({ id })
  }
)
