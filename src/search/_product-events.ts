import type { SearchTypes } from "@medusajs/framework/types"
import type { SearchConsumeEvent } from "@medusajs/framework/utils"

type Query = SearchTypes.SearchIngestionContext["container"]["query"]

type ProductIdResolver = (query: Query, ids: string[]) => Promise<string[]>

/** Rows that lead to products, whatever path `fields` selects. */
type Row = Record<string, unknown>

/** Collects every `product_id` or `products.id` found under the rows. */
function collectProductIds(rows: unknown, into = new Set<string>()) {
  if (Array.isArray(rows)) {
    rows.forEach((row) => collectProductIds(row, into))
    return into
  }
  if (!rows || typeof rows !== "object") {
    return into
  }
  for (const [key, value] of Object.entries(rows as Row)) {
    if (key === "product_id" && typeof value === "string") {
      into.add(value)
    } else if (key === "products" && Array.isArray(value)) {
      value.forEach((product) => {
        const id = (product as Row | null)?.id
        if (typeof id === "string") {
          into.add(id)
        }
      })
    } else if (value && typeof value === "object") {
      collectProductIds(value, into)
    }
  }
  return into
}

/** Reads `entity` by id, deleted rows included, and returns its products. */
function through(entity: string, fields: string[]): ProductIdResolver {
  return async (query, ids) => {
    const { data } = await query.graph({
      entity,
      fields,
      filters: { id: ids },
      withDeleted: true,
    })
    return [...collectProductIds(data)]
  }
}

const viaInventoryItem = ["inventory_item.variants.product_id"]

/** How each event the product index listens to leads to product ids. */
const RESOLVERS: Record<string, ProductIdResolver> = {
  "product.created": async (_query, ids) => ids,
  "product.updated": async (_query, ids) => ids,
  "product.deleted": async (_query, ids) => ids,
  "product-variant.created": through("product_variant", ["product_id"]),
  "product-variant.updated": through("product_variant", ["product_id"]),
  "product-variant.deleted": through("product_variant", ["product_id"]),
  "inventory-level.created": through("inventory_level", viaInventoryItem),
  "inventory-level.updated": through("inventory_level", viaInventoryItem),
  "inventory-level.deleted": through("inventory_level", viaInventoryItem),
  "reservation-item.created": through("reservation_item", viaInventoryItem),
  "reservation-item.updated": through("reservation_item", viaInventoryItem),
  "reservation-item.deleted": through("reservation_item", viaInventoryItem),
  "product-category.updated": through("product_category", ["products.id"]),
  "product-collection.updated": through("product_collection", ["products.id"]),
  "product-tag.updated": through("product_tag", ["products.id"]),
}

/** The events that can change a product document. */
export const PRODUCT_INDEX_EVENTS = Object.keys(RESOLVERS)

function eventIds(event: SearchConsumeEvent): string[] {
  const id = (event.data as { id?: unknown } | undefined)?.id
  const ids = Array.isArray(id) ? id : [id]
  return ids.filter((value): value is string => typeof value === "string")
}

/** The products an event touches, read back through `query.graph`. */
export async function resolveProductIds(
  event: SearchConsumeEvent,
  context: SearchTypes.SearchIngestionContext
): Promise<string[]> {
  const resolver = RESOLVERS[event.name]
  const ids = eventIds(event)
  if (!resolver || !ids.length) {
    return []
  }
  return await resolver(context.container.query, ids)
}

/** Only a deleted product leaves the index; other deletes update it. */
export function isProductDelete(event: SearchConsumeEvent): boolean {
  return event.name === "product.deleted"
}
