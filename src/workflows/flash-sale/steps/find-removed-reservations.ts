import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { reservationIdOf } from "../utils/line-items"
import { flashSaleService } from "../utils/module"

export const findRemovedReservationsStepId =
  "flash-sale-find-removed-reservations"

/**
 * The cart's active reservations whose line item was removed: a deleted
 * line carries them and no live one does. A reservation whose line is not
 * written yet (being reserved right now) has neither and is kept.
 */
export const findRemovedReservationsStep = createStep(
  findRemovedReservationsStepId,
  async ({ cart_id }: { cart_id: string }, { container }) => {
    const active = await flashSaleService(container).listFlashSaleReservations(
      { cart_id, status: "active" },
      { select: ["id"], take: null }
    )
    if (!active.length) {
      return new StepResponse([] as string[])
    }
    const lines = await container
      .resolve(Modules.CART)
      .listLineItems(
        { cart_id },
        { select: ["id", "metadata", "deleted_at"], withDeleted: true }
      )
    const live = new Set<string>()
    const removed = new Set<string>()
    for (const line of lines) {
      const id = reservationIdOf(line)
      if (id) {
        ;(line.deleted_at ? removed : live).add(id)
      }
    }
    return new StepResponse(
      active.flatMap(({ id }) => (removed.has(id) && !live.has(id) ? [id] : []))
    )
  }
)
