import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"

export const placeReservationInCartStepId =
  "flash-sale-place-reservation-in-cart"

/**
 * Marks the reservation as in the cart, once, while it is still held;
 * compensation takes it out again.
 */
export const placeReservationInCartStep = createStep(
  placeReservationInCartStepId,
  async (
    input: { reservation_id: string; cart_id: string; customer_id: string },
    { container }
  ) => {
    const placed = await flashSaleService(container).placeInCart(
      input.reservation_id,
      { customerId: input.customer_id, cartId: input.cart_id }
    )
    return new StepResponse(placed, {
      reservation_id: placed.id,
      cart_id: input.cart_id,
    })
  },
  async (placed, { container }) => {
    if (!placed) {
      return
    }
    await flashSaleService(container).takeOutOfCart(
      placed.reservation_id,
      placed.cart_id
    )
  }
)
