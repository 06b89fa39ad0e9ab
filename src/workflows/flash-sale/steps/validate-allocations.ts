import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sellableUnits } from "../utils/stock"

/** Units a sale wants to offer of a variant. */
export type Allocation = { variant_id: string; units_allocated: number }

export const validateAllocationsStepId = "flash-sale-validate-allocations"

/**
 * Checks that every variant exists and that its allocation fits in the stock
 * it can still sell, so a sale never promises cakes the atelier has not got.
 */
export const validateAllocationsStep = createStep(
  validateAllocationsStepId,
  async ({ allocations }: { allocations: Allocation[] }, { container }) => {
    if (!allocations.length) {
      return new StepResponse(void 0)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: variants } = await query.graph({
      entity: "variant",
      fields: [
        "id",
        "manage_inventory",
        "inventory_items.required_quantity",
        "inventory_items.inventory.location_levels.stocked_quantity",
        "inventory_items.inventory.location_levels.reserved_quantity",
      ],
      filters: { id: allocations.map(({ variant_id }) => variant_id) },
    })
    for (const { variant_id, units_allocated } of allocations) {
      const variant = variants.find(({ id }) => id === variant_id)
      if (!variant) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Variant ${variant_id} was not found`
        )
      }
      const sellable = sellableUnits(variant)
      if (units_allocated > sellable) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Variant ${variant_id} has ${sellable} unit(s) in stock; allocate at most that many`
        )
      }
    }
    return new StepResponse(void 0)
  }
)
