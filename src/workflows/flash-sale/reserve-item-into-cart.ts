import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { reserveArgs, type ReserveFlashSaleItemInput } from "./reserve-item"
import { prepareReservationStep } from "./steps/prepare-reservation"
import { reserveItemStep } from "./steps/reserve-item"
import { emitReservationEvents } from "./utils/emit-reservation-events"
import { heldReservation } from "./utils/held-reservation"
import { flashLineItems } from "./utils/line-items"

export const reserveFlashSaleItemIntoCartWorkflowId =
  "flash-sale-reserve-item-into-cart"

export type ReserveFlashSaleItemIntoCartInput = ReserveFlashSaleItemInput & {
  cart_id: string
}

/**
 * Reserves units of a flash-sale item for a customer and adds them to the
 * customer's cart at the flash price, in one call. The line item carries the
 * reservation id, which checkout checks; if the cart refuses the item, the
 * units go back. A reservation that took the item's last unit announces the
 * sell-out.
 */
export const reserveFlashSaleItemIntoCartWorkflow = createWorkflow(
  reserveFlashSaleItemIntoCartWorkflowId,
  (input: ReserveFlashSaleItemIntoCartInput) => {
    const { variant_id, unit_price } = prepareReservationStep({
      cart_id: input.cart_id,
      customer_id: input.customer_id,
      sale_id: input.sale_id,
      item_id: input.item_id,
    })

    const reservation = reserveItemStep(transform(input, reserveArgs))

    const items = transform(
      { input, reservation, variant_id, unit_price },
      function flashLineItem({ input, reservation, variant_id, unit_price }) {
        return flashLineItems({
          variant_id,
          quantity: input.quantity,
          unit_price,
          reservation_id: reservation.id,
          sale_id: input.sale_id,
        })
      }
    )
    addToCartWorkflow.runAsStep({ input: { cart_id: input.cart_id, items } })

    const taken = transform(
      { input, reservation, variant_id },
      function takenUnits({ input, reservation, variant_id }) {
        return {
          sale_id: input.sale_id,
          item_id: input.item_id,
          took_last_unit: reservation.took_last_unit,
          variant_id,
        }
      }
    )
    emitReservationEvents(taken)

    return new WorkflowResponse(transform(reservation, heldReservation))
  }
)
