import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReserveInput } from "../../../modules/flash-sale"
import { flashSaleService } from "../utils/module"

export const reserveItemStepId = "flash-sale-reserve-item"

/** Holds units of a sale item for the customer; compensation releases them. */
export const reserveItemStep = createStep(
  reserveItemStepId,
  async (input: ReserveInput, { container }) => {
    const reservation = await flashSaleService(container).reserve(input)
    return new StepResponse(reservation, reservation.id)
  },
  async (reservationId, { container }) => {
    if (!reservationId) {
      return
    }
    await flashSaleService(container).release(reservationId)
  }
)
