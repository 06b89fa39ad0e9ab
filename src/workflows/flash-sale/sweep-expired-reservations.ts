import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { FlashSaleEvents, unitsChangedEvents } from "./events"
import { removeReservationLinesStep } from "./steps/remove-reservation-lines"
import { sweepExpiredStep } from "./steps/sweep-expired"

export const sweepExpiredReservationsWorkflowId =
  "flash-sale-sweep-expired-reservations"

/**
 * Expires overdue reservations, returning their units to the sale, and
 * removes their line items from the carts they were added to.
 */
export const sweepExpiredReservationsWorkflow = createWorkflow(
  sweepExpiredReservationsWorkflowId,
  (input: { now: string }) => {
    const swept = sweepExpiredStep(input)
    const reservationIds = transform({ swept }, function expiredIds({ swept }) {
      return swept.expired
    })
    const removed = removeReservationLinesStep({
      reservation_ids: reservationIds,
    })
    const changes = transform({ swept }, function expiredUnits({ swept }) {
      return unitsChangedEvents(swept.items)
    })
    when(
      "expired-units-changed",
      { changes },
      ({ changes }) => !!changes.length
    ).then(() => {
      emitEventStep({ eventName: FlashSaleEvents.UNITS_CHANGED, data: changes })
    })
    return new WorkflowResponse({
      expired: swept.expired,
      reconciled: swept.reconciled,
      carts: removed.carts,
      failed_carts: removed.failed,
    })
  }
)
