import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashPriceForCart, openCartOf } from "../utils/customer-cart"
import { flashSaleService } from "../utils/module"

export type PrepareCartReservationInput = {
  reservation_id: string
  cart_id: string
  customer_id: string
}

export const prepareCartReservationStepId =
  "flash-sale-prepare-cart-reservation"

/**
 * Checks that the cart is the customer's own and open and the reservation
 * the customer's, and returns the line the reservation makes in that cart.
 * Whether the reservation is still held is checked when it is placed.
 */
export const prepareCartReservationStep = createStep(
  prepareCartReservationStepId,
  async (input: PrepareCartReservationInput, { container }) => {
    const [cart, [reservation]] = await Promise.all([
      openCartOf(container, input.cart_id, input.customer_id),
      flashSaleService(container).listFlashSaleReservations(
        { id: input.reservation_id, customer_id: input.customer_id },
        {
          select: [
            "id",
            "quantity",
            "item.id",
            "item.sale_id",
            "item.variant_id",
            "item.prices",
          ],
          relations: ["item"],
        }
      ),
    ])
    if (!reservation) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Flash sale reservation ${input.reservation_id} was not found`
      )
    }
    const { item } = reservation
    return new StepResponse({
      variant_id: item.variant_id,
      quantity: reservation.quantity,
      unit_price: flashPriceForCart(item.prices, cart),
      reservation_id: reservation.id,
      sale_id: item.sale_id,
    })
  }
)
