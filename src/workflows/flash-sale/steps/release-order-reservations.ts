import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"

export const releaseOrderReservationsStepId =
  "flash-sale-release-order-reservations"

/**
 * Frees the units a canceled order still held. Units it already bought stay
 * sold: the flash-sale module has no way to return sold units yet, so they
 * are only logged for the team to reallocate by hand.
 */
export const releaseOrderReservationsStep = createStep(
  releaseOrderReservationsStepId,
  async (
    input: { order_id: string; reservation_ids: string[] },
    { container }
  ) => {
    if (!input.reservation_ids.length) {
      return new StepResponse({
        released: [] as string[],
        kept: [] as string[],
      })
    }
    const service = flashSaleService(container)
    const reservations = await service.listFlashSaleReservations(
      { id: input.reservation_ids },
      { select: ["id", "status"] }
    )
    const released: string[] = []
    const kept: string[] = []
    for (const reservation of reservations) {
      if (reservation.status === "active") {
        await service.release(reservation.id)
        released.push(reservation.id)
      } else if (reservation.status === "converted") {
        kept.push(reservation.id)
      }
    }
    if (kept.length) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .info(
          `Flash sale: order ${input.order_id} was canceled; its ${kept.length} purchased reservation(s) stay counted as sold`
        )
    }
    return new StepResponse({ released, kept })
  }
)
