import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents, unitsChangedEvents } from "./events"
import { releaseReservationsStep } from "./steps/release-reservations"
import { returnOrderPurchasesStep } from "./steps/return-order-purchases"
import { reservationIdsOf } from "./utils/line-items"

export const releaseOrderReservationsWorkflowId =
  "flash-sale-release-order-reservations"

/**
 * Gives a canceled order's flash-sale units back to their sales: the units
 * it bought (sold count down, customer limits freed) and any it still held.
 * Delivered twice, it returns them once.
 */
export const releaseOrderReservationsWorkflow = createWorkflow(
  releaseOrderReservationsWorkflowId,
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "items.id", "items.metadata"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const reservationIds = transform(
      { orders },
      function orderReservationIds({ orders }) {
        return reservationIdsOf(orders[0].items)
      }
    )
    const returned = returnOrderPurchasesStep({
      order_id: input.order_id,
      reservation_ids: reservationIds,
    })
    // Last: released units may go to another customer at once.
    const released = releaseReservationsStep({
      reservation_ids: reservationIds,
    })

    const changes = transform(
      { returned, released },
      function orderUnitChanges({ returned, released }) {
        return unitsChangedEvents([...returned, ...released])
      }
    )
    when(
      "order-units-changed",
      { changes },
      ({ changes }) => !!changes.length
    ).then(() => {
      emitEventStep({ eventName: FlashSaleEvents.UNITS_CHANGED, data: changes })
    })
    return new WorkflowResponse({
      order_id: input.order_id,
      returned: transform({ returned }, function returnedIds({ returned }) {
        return returned.map(({ id }) => id)
      }),
      released: transform({ released }, function releasedIds({ released }) {
        return released.map(({ id }) => id)
      }),
    })
  }
)
