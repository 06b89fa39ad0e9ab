import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FlashSaleReservationDTO } from "../../../modules/flash-sale"
import { flashSaleService } from "../utils/module"

export const releaseReservationsStepId = "flash-sale-release-reservations"

/**
 * Gives the units of active reservations back; ended ones are left as they
 * are. Run it last: a released hold cannot be taken back, as another
 * customer may already have the units.
 */
export const releaseReservationsStep = createStep(
  releaseReservationsStepId,
  async ({ reservation_ids }: { reservation_ids: string[] }, { container }) => {
    if (!reservation_ids.length) {
      return new StepResponse([] as FlashSaleReservationDTO[])
    }
    const service = flashSaleService(container)
    const active = await service.listFlashSaleReservations(
      { id: reservation_ids, status: "active" },
      { select: ["id"] }
    )
    const released: FlashSaleReservationDTO[] = []
    for (const { id } of active) {
      released.push(await service.release(id))
    }
    return new StepResponse(released)
  }
)
