import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createFlashSaleStep,
  type CreateFlashSaleInput,
} from "./steps/create-flash-sale"
import { validateAllocationsStep } from "./steps/validate-allocations"

export const createFlashSaleWorkflowId = "flash-sale-create"

/** Defines a flash sale once its allocations are checked against stock. */
export const createFlashSaleWorkflow = createWorkflow(
  createFlashSaleWorkflowId,
  (input: CreateFlashSaleInput) => {
    const allocations = transform(
      { input },
      function saleAllocations({ input }) {
        return input.items.map(({ variant_id, units_allocated }) => ({
          variant_id,
          units_allocated,
        }))
      }
    )
    validateAllocationsStep({ allocations })
    return new WorkflowResponse(createFlashSaleStep(input))
  }
)
