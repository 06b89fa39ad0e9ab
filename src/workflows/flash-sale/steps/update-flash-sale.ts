import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FlashSaleEdit } from "../../../modules/flash-sale"
import { flashSaleService } from "../utils/module"
import type { FlashSaleSnapshot, FlashSaleUpdate } from "./validate-sale-update"

export const updateFlashSaleStepId = "flash-sale-update"

/**
 * Applies an edit in one transaction, so a refused part changes nothing.
 * Allocations change in guarded statements that tell which items the edit
 * left with no unit to sell (its sell-outs); the counters are never written
 * here, and PostgreSQL's own check refuses an allocation that a concurrent
 * reservation has overtaken. Compensation puts back the previous values of
 * what the edit changed, allocations through the same guard.
 */
export const updateFlashSaleStep = createStep(
  updateFlashSaleStepId,
  async (
    input: { id: string; update: FlashSaleUpdate; previous: FlashSaleSnapshot },
    { container }
  ) => {
    const service = flashSaleService(container)
    const edit = editOf(input.update)
    try {
      const allocated = await service.editSale(input.id, edit)
      return new StepResponse(
        { id: input.id, allocated },
        { id: input.id, undo: undoOf(edit, input.previous) }
      )
    } catch (error) {
      if (String(error).includes("flash_sale_item_units_check")) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "Units were reserved while you edited; the allocation cannot go below the units sold and reserved"
        )
      }
      throw error
    }
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    await flashSaleService(container).editSale(
      compensation.id,
      compensation.undo
    )
  }
)

function editOf({ starts_at, ends_at, ...update }: FlashSaleUpdate) {
  const edit: FlashSaleEdit = { ...update }
  if (starts_at !== undefined) {
    edit.starts_at = new Date(starts_at)
  }
  if (ends_at !== undefined) {
    edit.ends_at = new Date(ends_at)
  }
  return edit
}

/** The previous values of exactly the fields an edit sets. */
function undoOf(edit: FlashSaleEdit, previous: FlashSaleSnapshot) {
  const { title, starts_at, ends_at, items = [] } = edit
  const undo: FlashSaleEdit = {
    ...(title !== undefined ? { title: previous.title } : {}),
    ...(starts_at !== undefined ? { starts_at: previous.starts_at } : {}),
    ...(ends_at !== undefined ? { ends_at: previous.ends_at } : {}),
  }
  undo.items = items.flatMap((change) => {
    const before = previous.items.find(({ id }) => id === change.id)
    if (!before) {
      return []
    }
    return [
      {
        id: change.id,
        ...(change.prices !== undefined ? { prices: before.prices } : {}),
        ...(change.units_allocated !== undefined
          ? { units_allocated: before.units_allocated }
          : {}),
        ...(change.per_customer_limit !== undefined
          ? { per_customer_limit: before.per_customer_limit }
          : {}),
      },
    ]
  })
  return undo
}
