import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { releaseOrderReservationsStep } from "./steps/release-order-reservations"
import { reservationIdsOf } from "./utils/line-items"

export const releaseOrderReservationsWorkflowId =
  "flash-sale-release-order-reservations"

/** Gives back the flash-sale units a canceled order still held. */
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
    return new WorkflowResponse(
      releaseOrderReservationsStep({
        order_id: input.order_id,
        reservation_ids: reservationIds,
      })
    )
  }
)
