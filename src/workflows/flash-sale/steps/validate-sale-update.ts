import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"
import type { Allocation } from "./validate-allocations"

/** The editable parts of a sale. */
export type FlashSaleUpdate = {
  title?: string
  starts_at?: Date | string
  ends_at?: Date | string
  items?: {
    id: string
    prices?: Record<string, number>
    units_allocated?: number
    per_customer_limit?: number
  }[]
}

/** A sale's editable values before an update, to restore on compensation. */
export type FlashSaleSnapshot = {
  id: string
  title: string
  starts_at: Date
  ends_at: Date
  items: {
    id: string
    prices: Record<string, unknown>
    units_allocated: number
    per_customer_limit: number
  }[]
}

export const validateSaleUpdateStepId = "flash-sale-validate-update"

/**
 * Checks an edit against the sale as it is: not ended, a window that ends
 * after it starts, only its own items, and no allocation below the units
 * already sold or reserved. Returns the current values and the allocation
 * growth to check against stock (units not yet sold must be in stock).
 */
export const validateSaleUpdateStep = createStep(
  validateSaleUpdateStepId,
  async (input: { id: string; update: FlashSaleUpdate }, { container }) => {
    const sale = await flashSaleService(container).retrieveFlashSale(input.id, {
      relations: ["items"],
    })
    if (sale.status === "ended") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Flash sale ${sale.id} has ended and can no longer be edited`
      )
    }
    const startsAt = new Date(input.update.starts_at ?? sale.starts_at)
    const endsAt = new Date(input.update.ends_at ?? sale.ends_at)
    if (endsAt <= startsAt) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "ends_at must be after starts_at"
      )
    }

    const allocations: Allocation[] = []
    for (const change of input.update.items ?? []) {
      const item = sale.items.find(({ id }) => id === change.id)
      if (!item) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Item ${change.id} is not part of flash sale ${sale.id}`
        )
      }
      const taken = item.units_sold + item.units_reserved
      if (change.units_allocated === undefined) {
        continue
      }
      if (change.units_allocated < taken) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Item ${item.id} has ${taken} unit(s) sold or reserved; its allocation cannot go below that`
        )
      }
      if (change.units_allocated > item.units_allocated) {
        allocations.push({
          variant_id: item.variant_id,
          units_allocated: change.units_allocated - item.units_sold,
        })
      }
    }

    const previous: FlashSaleSnapshot = {
      id: sale.id,
      title: sale.title,
      starts_at: sale.starts_at,
      ends_at: sale.ends_at,
      items: sale.items.map((item) => ({
        id: item.id,
        prices: item.prices,
        units_allocated: item.units_allocated,
        per_customer_limit: item.per_customer_limit,
      })),
    }
    return new StepResponse({ previous, allocations })
  }
)
