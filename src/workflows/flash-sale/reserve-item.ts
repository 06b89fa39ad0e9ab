import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents } from "./events"
import { prepareReservationStep } from "./steps/prepare-reservation"
import { reserveItemStep } from "./steps/reserve-item"
import { RESERVATION_ID_KEY, SALE_ID_KEY } from "./utils/line-items"

export const reserveFlashSaleItemWorkflowId = "flash-sale-reserve-item"

/** How long a reservation holds its units unless the caller says otherwise. */
export const DEFAULT_RESERVATION_TTL_SECONDS = 10 * 60

export type ReserveFlashSaleItemInput = {
  sale_id: string
  item_id: string
  quantity: number
  cart_id: string
  customer_id: string
  /** Seconds the units are held; `DEFAULT_RESERVATION_TTL_SECONDS` if unset. */
  ttl_seconds?: number
}

/**
 * Reserves units of a flash-sale item for a customer and adds them to the
 * customer's cart at the flash price. The line item carries the reservation
 * id, which checkout checks; if the cart refuses the item, the units go back.
 * A reservation that took the item's last unit announces the sell-out.
 */
export const reserveFlashSaleItemWorkflow = createWorkflow(
  reserveFlashSaleItemWorkflowId,
  (input: ReserveFlashSaleItemInput) => {
    const { variant_id, unit_price } = prepareReservationStep({
      cart_id: input.cart_id,
      customer_id: input.customer_id,
      sale_id: input.sale_id,
      item_id: input.item_id,
    })

    const reserveInput = transform({ input }, function reserveArgs({ input }) {
      return {
        saleId: input.sale_id,
        itemId: input.item_id,
        customerId: input.customer_id,
        quantity: input.quantity,
        ttlSeconds: input.ttl_seconds ?? DEFAULT_RESERVATION_TTL_SECONDS,
        cartId: input.cart_id,
      }
    })
    const reservation = reserveItemStep(reserveInput)

    const items = transform(
      { input, reservation, variant_id, unit_price },
      function flashLineItem({ input, reservation, variant_id, unit_price }) {
        return [
          {
            variant_id,
            quantity: input.quantity,
            unit_price,
            metadata: {
              [RESERVATION_ID_KEY]: reservation.id,
              [SALE_ID_KEY]: input.sale_id,
            },
          },
        ]
      }
    )
    addToCartWorkflow.runAsStep({ input: { cart_id: input.cart_id, items } })

    const unitsChanged = transform(
      { input },
      function reservedUnits({ input }) {
        return { id: input.sale_id, item_ids: [input.item_id] }
      }
    )
    emitEventStep({
      eventName: FlashSaleEvents.UNITS_CHANGED,
      data: unitsChanged,
    }).config({ name: "emit-units-changed" })

    when(
      "announce-sell-out",
      { reservation },
      ({ reservation }) => reservation.took_last_unit
    ).then(() => {
      const soldOut = transform(
        { input, variant_id },
        function soldOutEvent({ input, variant_id }) {
          return {
            id: input.sale_id,
            item_id: input.item_id,
            variant_id,
          }
        }
      )
      emitEventStep({
        eventName: FlashSaleEvents.SOLD_OUT,
        data: soldOut,
      }).config({ name: "emit-sold-out" })
    })

    const held = transform(
      { reservation },
      function heldReservation({ reservation }) {
        const { took_last_unit: _tookLastUnit, ...held } = reservation
        return held
      }
    )
    return new WorkflowResponse(held)
  }
)
