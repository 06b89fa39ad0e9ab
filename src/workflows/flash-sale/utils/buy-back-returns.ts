import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { UndoneReturn } from "../../../modules/flash-sale"
import type { SoldOutEventData } from "../events"
import { flashSaleService } from "./module"

/**
 * Buys back the units of returned reservations that are still free, and
 * returns the sell-outs that caused.
 */
export async function buyBackReturns(
  container: MedusaContainer,
  reservationIds: string[]
): Promise<SoldOutEventData[]> {
  const service = flashSaleService(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const soldOut: SoldOutEventData[] = []
  for (const id of reservationIds) {
    let change: UndoneReturn
    try {
      change = await service.undoReturn(id)
    } catch (error) {
      logger.warn(
        `Flash sale: the units of reservation ${id} went to another customer and stay returned (${(error as Error).message})`
      )
      continue
    }
    if (change.took_last_unit) {
      const { reservation } = change
      const item = await service.retrieveFlashSaleItem(reservation.item_id, {
        select: ["id", "variant_id"],
      })
      soldOut.push({
        id: reservation.sale_id,
        item_id: item.id,
        variant_id: item.variant_id,
      })
    }
  }
  return soldOut
}
