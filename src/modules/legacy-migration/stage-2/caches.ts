import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The records stage 2 creates, named as the Caching Module tags them. */
const STAGE_2_ENTITIES = [
  "Product",
  "ProductVariant",
  "ProductOption",
  "ProductOptionValue",
  "ProductCategory",
  "PriceSet",
  "Price",
  "InventoryItem",
  "InventoryLevel",
  "Customer",
  "CustomerAddress",
]

/**
 * Clears the cached lists of what stage 2 created, as the events it dropped
 * would have: without it the storefront keeps serving the lists cached before
 * the migration until they expire. Does nothing without the Caching Module.
 */
export async function clearStage2Caches(
  container: MedusaContainer
): Promise<string[]> {
  if (!container.hasRegistration(Modules.CACHING)) {
    return []
  }
  const tags = STAGE_2_ENTITIES.map((entity) => `${entity}:list:*`)
  await container
    .resolve(Modules.CACHING)
    .clear({ tags, options: { autoInvalidate: true } })
  return tags
}
