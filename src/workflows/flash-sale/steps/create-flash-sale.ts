import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FlashSaleStatus } from "../../../modules/flash-sale"
import { flashSaleService } from "../utils/module"

/** A sale as an admin defines it. */
export type CreateFlashSaleInput = {
  title: string
  starts_at: Date | string
  ends_at: Date | string
  status?: Extract<FlashSaleStatus, "draft" | "scheduled">
  items: {
    variant_id: string
    prices: Record<string, number>
    units_allocated: number
    per_customer_limit: number
  }[]
}

export const createFlashSaleStepId = "flash-sale-create"

/** Creates a sale with its items; compensation deletes them. */
export const createFlashSaleStep = createStep(
  createFlashSaleStepId,
  async (input: CreateFlashSaleInput, { container }) => {
    const service = flashSaleService(container)
    const sale = await service.createFlashSales({
      title: input.title,
      starts_at: new Date(input.starts_at),
      ends_at: new Date(input.ends_at),
      status: input.status ?? "scheduled",
    })
    try {
      const items = await service.createFlashSaleItems(
        input.items.map((item) => ({
          sale_id: sale.id,
          variant_id: item.variant_id,
          prices: item.prices,
          units_allocated: item.units_allocated,
          per_customer_limit: item.per_customer_limit,
        }))
      )
      return new StepResponse({ ...sale, items }, sale.id)
    } catch (error) {
      // This step failed, so its compensation will not run: undo here.
      await service.deleteFlashSales(sale.id)
      throw error
    }
  },
  async (saleId, { container }) => {
    if (!saleId) {
      return
    }
    const service = flashSaleService(container)
    const items = await service.listFlashSaleItems(
      { sale_id: saleId },
      { select: ["id"] }
    )
    await service.deleteFlashSaleItems(items.map(({ id }) => id))
    await service.deleteFlashSales(saleId)
  }
)
