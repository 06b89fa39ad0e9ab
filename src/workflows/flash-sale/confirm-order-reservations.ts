import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents } from "./events"
import { confirmOrderReservationsStep } from "./steps/confirm-order-reservations"
import { reservationIdsOf } from "./utils/line-items"

export const confirmOrderReservationsWorkflowId =
  "flash-sale-confirm-order-reservations"

/**
 * Marks the flash-sale units of a placed order as sold. Buying held units
 * leaves the units left unchanged, so only a lapsed hold bought again can
 * sell an item out here; that sell-out is announced. Once per order, and
 * never for a canceled one.
 */
export const confirmOrderReservationsWorkflow = createWorkflow(
  { name: confirmOrderReservationsWorkflowId, idempotent: true, store: true },
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "status", "items.id", "items.metadata"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    // A canceled order buys nothing, whenever its placement is handled.
    const reservationIds = transform(
      { orders },
      function orderReservationIds({ orders }) {
        return orders[0].status === "canceled"
          ? []
          : reservationIdsOf(orders[0].items)
      }
    )

    const {
      confirmed,
      unconfirmed,
      sold_out: soldOut,
    } = confirmOrderReservationsStep({
      order_id: input.order_id,
      reservation_ids: reservationIds,
    })

    when(
      "announce-sold-out",
      { soldOut },
      ({ soldOut }) => !!soldOut.length
    ).then(() => {
      emitEventStep({ eventName: FlashSaleEvents.SOLD_OUT, data: soldOut })
    })

    const confirmedIds = transform(
      { confirmed },
      function confirmedIds({ confirmed }) {
        return confirmed.map((reservation) => reservation.id)
      }
    )
    return new WorkflowResponse({
      order_id: input.order_id,
      confirmed: confirmedIds,
      unconfirmed,
      sold_out: soldOut,
    })
  }
)
