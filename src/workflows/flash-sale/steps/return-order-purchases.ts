import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FlashSaleReservationDTO } from "../../../modules/flash-sale"
import { FlashSaleEvents } from "../events"
import { buyBackReturns } from "../utils/buy-back-returns"
import { flashSaleService } from "../utils/module"

export const returnOrderPurchasesStepId = "flash-sale-return-order-purchases"

/**
 * Gives the units a canceled order bought back to their sales, freeing the
 * customers' limits: its reservations found by order id (a hold re-bought
 * at placement carries the order, not the line) or named by its lines.
 * Each is returned once whatever the number of deliveries; compensation
 * buys back those this run returned, while the units are still free, and
 * announces the sell-out when that takes an item's last free unit.
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
    const soldOut = await buyBackReturns(container, returnedIds)
    if (soldOut.length) {
      // The workflow failed, so its grouped events are dropped: this one
      // goes out on its own.
      await container
        .resolve(Modules.EVENT_BUS)
        .emit(soldOut.map((data) => ({ name: FlashSaleEvents.SOLD_OUT, data })))
    }
  }
)
