import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FlashSaleReservationDTO } from "../../../modules/flash-sale"
import { flashSaleService } from "../utils/module"

export const returnOrderPurchasesStepId = "flash-sale-return-order-purchases"

/**
 * Gives the units a canceled order bought back to their sales, freeing the
 * customers' limits: its reservations found by order id (a hold re-bought
 * at placement carries the order, not the line) or named by its lines.
 * Each is returned once whatever the number of deliveries; compensation
 * buys back those this run returned, while the units are still free.
 */
export const returnOrderPurchasesStep = createStep(
  returnOrderPurchasesStepId,
  async (
    input: { order_id: string; reservation_ids: string[] },
    { container }
  ) => {
    const service = flashSaleService(container)
    const [byOrder, byLine] = await Promise.all([
      service.listFlashSaleReservations(
        { order_id: input.order_id, status: "converted" },
        { select: ["id"], take: null }
      ),
      input.reservation_ids.length
        ? service.listFlashSaleReservations(
            { id: input.reservation_ids, status: "converted" },
            { select: ["id"], take: null }
          )
        : Promise.resolve([]),
    ])
    const ids = [...new Set([...byOrder, ...byLine].map(({ id }) => id))]
    const returned: FlashSaleReservationDTO[] = []
    for (const id of ids) {
      const { reservation, changed } = await service.returnPurchase(id)
      if (changed) {
        returned.push(reservation)
      }
    }
    return new StepResponse(
      returned,
      returned.map(({ id }) => id)
    )
  },
  async (returnedIds, { container }) => {
    if (!returnedIds?.length) {
      return
    }
    const service = flashSaleService(container)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    for (const id of returnedIds) {
      try {
        await service.undoReturn(id)
      } catch (error) {
        logger.warn(
          `Flash sale: the units of reservation ${id} went to another customer and stay returned (${(error as Error).message})`
        )
      }
    }
  }
)
