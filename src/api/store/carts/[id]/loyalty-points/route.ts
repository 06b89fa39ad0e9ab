import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { applyCartPointsWorkflow } from "../../../../../workflows/loyalty/apply-cart-points"
import { removeCartPointsWorkflow } from "../../../../../workflows/loyalty/remove-cart-points"
import type { StoreApplyLoyaltyPointsType } from "../../../loyalty-validators"

const CART_FIELDS = [
  "id",
  "currency_code",
  "total",
  "subtotal",
  "item_subtotal",
  "discount_total",
  "promotions.code",
  "items.id",
  "items.adjustments.amount",
  "items.adjustments.code",
]

async function cartResponse(req: AuthenticatedMedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: CART_FIELDS,
    filters: { id },
  })
  return data[0]
}

/** Pays part of the cart with the customer's points. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreApplyLoyaltyPointsType>,
  res: MedusaResponse
) => {
  const { result } = await applyCartPointsWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      points: req.validatedBody.points,
    },
  })
  res.json({
    cart: await cartResponse(req, req.params.id),
    loyalty_points: { points: req.validatedBody.points, amount: result.amount },
  })
}

/** Takes the points off the cart and frees them. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await removeCartPointsWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  res.json({ cart: await cartResponse(req, req.params.id) })
}
