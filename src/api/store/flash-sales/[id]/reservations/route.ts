import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { reserveFlashSaleItemWorkflow } from "../../../../../workflows/flash-sale/reserve-item"
import { reserveFlashSaleItemIntoCartWorkflow } from "../../../../../workflows/flash-sale/reserve-item-into-cart"
import { flashSaleCart } from "../../cart-response"
import type { StoreReserveFlashSaleItemType } from "../../validators"

/**
 * Reserves units of a sale item for the customer: into the given cart, or
 * alone (the fast path of a rush), to be put into a cart afterwards through
 * `POST /store/carts/:id/flash-sale-reservations`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreReserveFlashSaleItemType>,
  res: MedusaResponse
) => {
  const { item_id, quantity, cart_id } = req.validatedBody
  const input = {
    sale_id: req.params.id,
    item_id,
    quantity,
    customer_id: req.auth_context.actor_id,
  }
  if (!cart_id) {
    const { result: reservation } = await reserveFlashSaleItemWorkflow(
      req.scope
    ).run({ input })
    res.status(201).json({ reservation })
    return
  }
  const { result: reservation } = await reserveFlashSaleItemIntoCartWorkflow(
    req.scope
  ).run({ input: { ...input, cart_id } })
  res.status(201).json({ reservation, cart: await flashSaleCart(req, cart_id) })
}
