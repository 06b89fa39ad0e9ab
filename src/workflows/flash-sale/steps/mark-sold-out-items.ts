import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"
import { soldOutItemIds, withSoldOutItems } from "../utils/sold-out"

/** Data of a `flash_sale.sold_out` event. */
export type SoldOutEventData = {
  id: string
  item_id: string
  variant_id: string
}

export const markSoldOutItemsStepId = "flash-sale-mark-sold-out-items"

/**
 * Finds the items among `item_ids` whose every unit is now bought and
 * records them on their sale, so each is announced once: the record is
 * read and written under the sale's lock, whichever order sold the last
 * unit. Returns the announcements to emit.
 */
export const markSoldOutItemsStep = createStep(
  markSoldOutItemsStepId,
  async ({ item_ids }: { item_ids: string[] }, { container }) => {
    if (!item_ids.length) {
      return new StepResponse([] as SoldOutEventData[], [])
    }
    const service = flashSaleService(container)
    const items = await service.listFlashSaleItems(
      { id: item_ids },
      {
        select: [
          "id",
          "sale_id",
          "variant_id",
          "units_allocated",
          "units_sold",
        ],
      }
    )
    const soldOut = items.filter(
      (item) => item.units_sold >= item.units_allocated
    )
    const locking = container.resolve(Modules.LOCKING)
    const announced: SoldOutEventData[] = []
    for (const saleId of new Set(soldOut.map((item) => item.sale_id))) {
      await locking.execute(`flash-sale:${saleId}`, async () => {
        const sale = await service.retrieveFlashSale(saleId, {
          select: ["id", "metadata"],
        })
        const known = soldOutItemIds(sale.metadata)
        const fresh = soldOut.filter(
          (item) => item.sale_id === saleId && !known.includes(item.id)
        )
        if (!fresh.length) {
          return
        }
        await service.updateFlashSales({
          id: saleId,
          metadata: withSoldOutItems(
            sale.metadata,
            fresh.map((item) => item.id)
          ),
        })
        announced.push(
          ...fresh.map((item) => ({
            id: saleId,
            item_id: item.id,
            variant_id: item.variant_id,
          }))
        )
      })
    }
    return new StepResponse(announced, announced)
  },
  async (announced, { container }) => {
    if (!announced?.length) {
      return
    }
    const service = flashSaleService(container)
    const locking = container.resolve(Modules.LOCKING)
    for (const saleId of new Set(announced.map((event) => event.id))) {
      await locking.execute(`flash-sale:${saleId}`, async () => {
        const sale = await service.retrieveFlashSale(saleId, {
          select: ["id", "metadata"],
        })
        const itemIds = announced
          .filter((event) => event.id === saleId)
          .map((event) => event.item_id)
        await service.updateFlashSales({
          id: saleId,
          metadata: withSoldOutItems(sale.metadata, itemIds, true),
        })
      })
    }
  }
)
