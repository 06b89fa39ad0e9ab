import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents, unitsChangedEvents } from "./events"
import { findRemovedReservationsStep } from "./steps/find-removed-reservations"
import { releaseReservationsStep } from "./steps/release-reservations"

export const releaseRemovedCartLinesWorkflowId =
  "flash-sale-release-removed-cart-lines"

/**
 * Gives back the reservations whose line items left the cart (deleted, or
 * set to quantity 0, through Medusa's own cart routes).
 */
export const releaseRemovedCartLinesWorkflow = createWorkflow(
  releaseRemovedCartLinesWorkflowId,
  (input: { cart_id: string }) => {
    const reservationIds = findRemovedReservationsStep(input)
    const released = releaseReservationsStep({
      reservation_ids: reservationIds,
    })
    const changes = transform(
      { released },
      function removedLineUnits({ released }) {
        return unitsChangedEvents(released)
      }
    )
    when(
      "removed-line-units-changed",
      { changes },
      ({ changes }) => !!changes.length
    ).then(() => {
      emitEventStep({ eventName: FlashSaleEvents.UNITS_CHANGED, data: changes })
    })
    return new WorkflowResponse({
      cart_id: input.cart_id,
      released: transform({ released }, function releasedIds({ released }) {
        return released.map(({ id }) => id)
      }),
    })
  }
)
