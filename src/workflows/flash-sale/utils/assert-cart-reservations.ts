import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { cartReservationProblem } from "./check-cart-reservations"
import { carriesFlashSale, reservationIdsOf } from "./line-items"
import { flashSaleService } from "./module"

/**
 * Throws `NOT_ALLOWED` unless every flash-price line of the cart is backed by
 * the customer's active reservation, placed in this cart, for that variant
 * and quantity.
 */
export async function assertCartReservationsHeld(
  container: Pick<MedusaContainer, "resolve">,
  cartId: string,
  now: Date = new Date()
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "customer_id",
      "items.id",
      "items.title",
      "items.product_title",
      "items.variant_id",
      "items.quantity",
      "items.metadata",
    ],
    filters: { id: cartId },
  })
  const cart = data[0]
  if (!cart || !(cart.items ?? []).some(carriesFlashSale)) {
    return
  }
  const ids = reservationIdsOf(cart.items)
  const reservations = ids.length
    ? await flashSaleService(container).listFlashSaleReservations(
        { id: ids },
        { relations: ["item"] }
      )
    : []
  const problem = cartReservationProblem(
    cart.items ?? [],
    reservations,
    cart,
    now
  )
  if (problem) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)
  }
}
