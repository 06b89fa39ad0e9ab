import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AllocationChange } from "../../../modules/flash-sale"
import { flashSaleService } from "../utils/module"
import type { FlashSaleSnapshot, FlashSaleUpdate } from "./validate-sale-update"

export const updateFlashSaleStepId = "flash-sale-update"

/**
 * Applies an edit. Allocations change in guarded statements that tell which
 * items the edit left with no unit to sell (its sell-outs); the counters are
 * never written here, and PostgreSQL's own check refuses an allocation that
 * a concurrent reservation has overtaken. Compensation puts the previous
 * values back.
 */
export const updateFlashSaleStep = createStep(
  updateFlashSaleStepId,
  async (
    input: { id: string; update: FlashSaleUpdate; previous: FlashSaleSnapshot },
    { container }
  ) => {
    const service = flashSaleService(container)
    const { title, starts_at, ends_at, items = [] } = input.update
    let allocated: AllocationChange[] = []
    try {
      allocated = await service.setAllocations(input.id, allocationsOf(items))
      const otherChanges = items
        .map(({ units_allocated: _units, ...item }) => item)
        .filter((item) => Object.keys(item).length > 1)
      if (otherChanges.length) {
        await service.updateFlashSaleItems(otherChanges)
      }
      await service.updateFlashSales({
        id: input.id,
        ...(title !== undefined ? { title } : {}),
        ...(starts_at !== undefined ? { starts_at: new Date(starts_at) } : {}),
        ...(ends_at !== undefined ? { ends_at: new Date(ends_at) } : {}),
      })
    } catch (error) {
      if (String(error).includes("flash_sale_item_units_check")) {
        await restore(service, input.previous)
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "Units were reserved while you edited; the allocation cannot go below the units sold and reserved"
        )
      }
      throw error
    }
    return new StepResponse({ id: input.id, allocated }, input.previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await restore(flashSaleService(container), previous)
  }
)

function allocationsOf(items: NonNullable<FlashSaleUpdate["items"]>) {
  return items.flatMap(({ id, units_allocated }) =>
    units_allocated === undefined ? [] : [{ id, units_allocated }]
  )
}

async function restore(
  service: ReturnType<typeof flashSaleService>,
  previous: FlashSaleSnapshot
) {
  const { items, ...sale } = previous
  await service.updateFlashSales(sale)
  if (items.length) {
    await service.updateFlashSaleItems(items)
  }
}
