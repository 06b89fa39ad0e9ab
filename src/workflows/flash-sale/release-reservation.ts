import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  deleteLineItemsWorkflow,
  emitEventStep,
} from "@medusajs/medusa/core-flows"
import { FlashSaleEvents, unitsChangedEvents } from "./events"
import { findCustomerReservationStep } from "./steps/find-customer-reservation"
import { releaseReservationsStep } from "./steps/release-reservations"

export const releaseFlashSaleReservationWorkflowId =
  "flash-sale-release-reservation"

export type ReleaseFlashSaleReservationInput = {
  reservation_id: string
  customer_id: string
}

/**
 * Lets a customer give a reservation back: its line item leaves the cart,
 * then its units return to the sale.
 */
export const releaseFlashSaleReservationWorkflow = createWorkflow(
  releaseFlashSaleReservationWorkflowId,
  (input: ReleaseFlashSaleReservationInput) => {
    const { lines } = findCustomerReservationStep(input)

    when("reservation-in-cart", { lines }, ({ lines }) => !!lines).then(() => {
      const deletion = transform({ lines }, function lineDeletion({ lines }) {
        return { cart_id: lines?.cart_id ?? "", ids: lines?.item_ids ?? [] }
      })
      deleteLineItemsWorkflow.runAsStep({ input: deletion })
    })

    const ids = transform({ input }, function reservationIds({ input }) {
      return [input.reservation_id]
    })
    const released = releaseReservationsStep({ reservation_ids: ids })
    const changes = transform(
      { released },
      function releasedUnits({ released }) {
        return unitsChangedEvents(released)
      }
    )
    when(
      "released-units-changed",
      { changes },
      ({ changes }) => !!changes.length
    ).then(() => {
      emitEventStep({ eventName: FlashSaleEvents.UNITS_CHANGED, data: changes })
    })
    return new WorkflowResponse({
      reservation_id: input.reservation_id,
      released,
    })
  }
)
