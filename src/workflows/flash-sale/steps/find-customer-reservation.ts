import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"
import {
  findReservationLines,
  isInCompletedCart,
} from "../utils/reservation-lines"

export const findCustomerReservationStepId =
  "flash-sale-find-customer-reservation"

/**
 * The customer's reservation and the cart lines carrying it. Someone else's
 * reservation is reported as missing; a purchased one, or one whose cart
 * was checked out, cannot be released.
 */
export const findCustomerReservationStep = createStep(
  findCustomerReservationStepId,
  async (
    input: { reservation_id: string; customer_id: string },
    { container }
  ) => {
    const [reservation] = await flashSaleService(
      container
    ).listFlashSaleReservations(
      { id: input.reservation_id, customer_id: input.customer_id },
      { select: ["id", "status", "cart_id"] }
    )
    if (!reservation) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Flash sale reservation ${input.reservation_id} was not found`
      )
    }
    // A checked-out cart's hold is counted as sold once its order is placed.
    if (
      reservation.status === "converted" ||
      (reservation.status === "active" &&
        (await isInCompletedCart(container, reservation)))
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This flash sale reservation was already purchased"
      )
    }
    const [lines] = await findReservationLines(container, [reservation.id])
    return new StepResponse({ lines: lines ?? null })
  }
)
