import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
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
    return new WorkflowResponse({
      expired: swept.expired,
      reconciled: swept.reconciled,
      carts: removed.carts,
      failed_carts: removed.failed,
    })
  }
)
