import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { deleteLineItemsWorkflow } from "@medusajs/medusa/core-flows"
import { findReservationLines } from "../utils/reservation-lines"

export const removeReservationLinesStepId =
  "flash-sale-remove-reservation-lines"

/**
 * Takes the line items of ended reservations out of their open carts, one
 * cart at a time through Medusa's own deletion; a cart that fails (say, it
 * is being checked out) does not stop the others, and its checkout is
 * refused by the reservation check anyway.
 */
export const removeReservationLinesStep = createStep(
  removeReservationLinesStepId,
  async ({ reservation_ids }: { reservation_ids: string[] }, { container }) => {
    const cleaned: string[] = []
    const failed: string[] = []
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    for (const lines of await findReservationLines(
      container,
      reservation_ids
    )) {
      try {
        await deleteLineItemsWorkflow(container).run({
          input: { cart_id: lines.cart_id, ids: lines.item_ids },
        })
        cleaned.push(lines.cart_id)
      } catch (error) {
        failed.push(lines.cart_id)
        logger.warn(
          `Flash sale: could not remove expired reservation items from cart ${lines.cart_id}: ${error}`
        )
      }
    }
    return new StepResponse({ carts: cleaned, failed })
  }
)
