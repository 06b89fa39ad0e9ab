import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"
import { STORE_SALE_SELECT, storeFlashSale } from "../utils/store-sale"

export const loadPublicSaleStepId = "flash-sale-load-public-sale"

/**
 * A sale as shoppers see it now (countdown and each item's units left), for
 * announcements; only the items in `item_ids` when given. Null for a sale
 * that is gone or still a draft. Reads only.
 */
export const loadPublicSaleStep = createStep(
  loadPublicSaleStepId,
  async (input: { id: string; item_ids?: string[] }, { container }) => {
    const [sale] = await flashSaleService(container).listFlashSales(
      { id: input.id, status: { $ne: "draft" } },
      { select: STORE_SALE_SELECT, relations: ["items"] }
    )
    if (!sale) {
      return new StepResponse(null)
    }
    const now = new Date()
    const wanted = input.item_ids ? new Set(input.item_ids) : null
    const items = wanted
      ? sale.items.filter((item) => wanted.has(item.id))
      : sale.items
    return new StepResponse({
      server_time: now.toISOString(),
      ...storeFlashSale({ ...sale, items }, now, null),
    })
  }
)

/** What `loadPublicSaleStep` returns for a published sale. */
export type PublicSale = ReturnType<typeof storeFlashSale> & {
  server_time: string
}
