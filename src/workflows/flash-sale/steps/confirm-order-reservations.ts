import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FlashSaleReservationDTO } from "../../../modules/flash-sale"
import type { SoldOutEventData } from "../events"
import { confirmForOrder } from "../utils/confirm"
import { flashSaleService } from "../utils/module"

export const confirmOrderReservationsStepId =
  "flash-sale-confirm-order-reservations"

/**
 * Turns an order's reservations into sold units; PostgreSQL checks each
 * against the allocation in the same statement. Returns the sell-outs caused
 * by rebooking lapsed holds. A sale cannot take back a sale, so there is
 * nothing to compensate.
 */
export const confirmOrderReservationsStep = createStep(
  confirmOrderReservationsStepId,
  async (
    input: { order_id: string; reservation_ids: string[] },
    { container }
  ) => {
    const service = flashSaleService(container)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const confirmed: FlashSaleReservationDTO[] = []
    const unconfirmed: string[] = []
    const soldOut: SoldOutEventData[] = []
    for (const id of input.reservation_ids) {
      const purchase = await confirmForOrder(
        service,
        logger,
        id,
        input.order_id
      )
      if (!purchase) {
        unconfirmed.push(id)
        continue
      }
      confirmed.push(purchase.reservation)
      if (purchase.soldOut) {
        soldOut.push(purchase.soldOut)
      }
    }
    return new StepResponse({ confirmed, unconfirmed, sold_out: soldOut })
  }
)
