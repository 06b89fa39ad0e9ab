import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { requestBackInStockStep } from "./steps/request-back-in-stock"

export const requestBackInStockWorkflowId = "realtime-request-back-in-stock"

/**
 * Asks to notify a customer when a variant is back in stock. An unknown
 * variant is `NOT_FOUND`; asking twice keeps one pending request.
 */
export const requestBackInStockWorkflow = createWorkflow(
  requestBackInStockWorkflowId,
  (input: { variant_id: string; customer_id: string }) => {
    useQueryGraphStep({
      entity: "product_variant",
      fields: ["id"],
      filters: { id: input.variant_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "find-variant" })
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "email"],
      filters: { id: input.customer_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "find-customer" })

    const request = transform(
      { customers, input },
      function backInStockRequest({ customers, input }) {
        const email = customers[0].email
        if (!email) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            "Add an email address to your account to be notified"
          )
        }
        return {
          variant_id: input.variant_id,
          customer_id: input.customer_id,
          email,
        }
      }
    )
    const result = requestBackInStockStep(request)
    return new WorkflowResponse(result)
  }
)
