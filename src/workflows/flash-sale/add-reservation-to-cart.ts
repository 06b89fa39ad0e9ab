import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { placeReservationInCartStep } from "./steps/place-reservation-in-cart"
import { prepareCartReservationStep } from "./steps/prepare-cart-reservation"
import { flashLineItems } from "./utils/line-items"

export const addFlashSaleReservationToCartWorkflowId =
  "flash-sale-add-reservation-to-cart"

export type AddFlashSaleReservationToCartInput = {
  reservation_id: string
  cart_id: string
  customer_id: string
}

/**
 * Puts a customer's held reservation into their cart as a line at the flash
 * price, through Medusa's own add to cart. The line carries the reservation
 * id, which checkout checks; a reservation goes into one cart only, and
 * leaves it again if the cart refuses the item.
 */
export const addFlashSaleReservationToCartWorkflow = createWorkflow(
  addFlashSaleReservationToCartWorkflowId,
  (input: AddFlashSaleReservationToCartInput) => {
    const line = prepareCartReservationStep(input)
    const reservation = placeReservationInCartStep(input)
    addToCartWorkflow.runAsStep({
      input: { cart_id: input.cart_id, items: transform(line, flashLineItems) },
    })
    return new WorkflowResponse(reservation)
  }
)
