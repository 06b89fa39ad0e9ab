import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import type { SeedContainer } from "./types"

/** Quantity each item starts with at the atelier. */
export const INITIAL_STOCK = 100

/**
 * Stocks every inventory item at the location, skipping items that already
 * have a level there. Returns how many levels were created.
 */
export async function ensureInventoryLevels(
  container: SeedContainer,
  locationId: string,
  quantity: number = INITIAL_STOCK
): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "location_levels.location_id"],
  })
  const unstocked = data.filter(
    (item) =>
      !(item.location_levels ?? []).some(
        (level) => level?.location_id === locationId
      )
  )
  if (!unstocked.length) {
    return 0
  }

  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: unstocked.map((item) => ({
        inventory_item_id: item.id,
        location_id: locationId,
        stocked_quantity: quantity,
      })),
    },
  })
  return unstocked.length
}
