import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { addFlashSaleReservationToCartWorkflow } from "../../../../../workflows/flash-sale/add-reservation-to-cart"
import { flashSaleCart } from "../../../flash-sales/cart-response"
import type { StoreAddFlashSaleReservationToCartType } from "../../../flash-sales/validators"

/** Puts one of the customer's held reservations into the cart. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreAddFlashSaleReservationToCartType>,
  res: MedusaResponse
) => {
  const { result: reservation } = await addFlashSaleReservationToCartWorkflow(
    req.scope
  ).run({
    input: {
      reservation_id: req.validatedBody.reservation_id,
      cart_id: req.params.id,
      customer_id: req.auth_context.actor_id,
    },
  })
  res.json({ reservation, cart: await flashSaleCart(req, req.params.id) })
}
