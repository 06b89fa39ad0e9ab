import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { requestBackInStockWorkflow } from "../../../../../workflows/realtime/request-back-in-stock"
import type { StoreRequestBackInStockType } from "./validators"

/**
 * Asks to be told when the variant is back in stock. 201 for a new
 * request, 200 when one is already pending.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRequestBackInStockType>,
  res: MedusaResponse
) => {
  const { result } = await requestBackInStockWorkflow(req.scope).run({
    input: {
      variant_id: req.params.id,
      customer_id: req.auth_context.actor_id,
    },
  })
  const { id, variant_id, notified_at, created_at } = result.subscription
  res.status(result.created ? 201 : 200).json({
    back_in_stock_request: { id, variant_id, notified_at, created_at },
    created: result.created,
  })
}
