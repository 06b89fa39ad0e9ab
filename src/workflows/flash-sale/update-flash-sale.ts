import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
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
 * the reservation engine forget its cached copy.
 */
export const updateFlashSaleWorkflow = createWorkflow(
  updateFlashSaleWorkflowId,
  (input: { id: string; update: FlashSaleUpdate }) => {
    const { previous, allocations } = validateSaleUpdateStep(input)
    validateAllocationsStep({ allocations })
    const id = updateFlashSaleStep({
      id: input.id,
      update: input.update,
      previous,
    })
    const saleIds = transform({ id }, function editedSale({ id }) {
      return [id]
    })
    forgetSaleCachesStep({ sale_ids: saleIds })
    return new WorkflowResponse({ id })
  }
)
