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

const viaVariant = through("product_variant", ["product_id"])

type VariantProductRow = { id: string; product_id: string | null }

/** The products of the variants, each with its variants among them. */
export async function productsOfVariants(
  query: Query,
  variantIds: string[]
): Promise<Map<string, string[]>> {
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id"],
    filters: { id: variantIds },
  })
  const variantsOf = new Map<string, string[]>()
  for (const { id, product_id } of data as VariantProductRow[]) {
    if (product_id) {
      variantsOf.set(product_id, [...(variantsOf.get(product_id) ?? []), id])
    }
  }
  return variantsOf
}

/**
 * The products of the categories and of every category under them: a
 * category's name is in the documents of its descendants' products too.
 */
const viaCategoryTree: ProductIdResolver = async (query, ids) => {
  const { data: categories } = await query.graph({
    entity: "product_category",
    fields: ["mpath"],
    filters: { id: ids },
    withDeleted: true,
  })
  const paths = (categories as { mpath: string | null }[]).flatMap(
    ({ mpath }) => (mpath ? [mpath] : [])
  )
  if (!paths.length) {
    return []
  }
  const { data } = await query.graph({
    entity: "product_category",
    fields: ["products.id"],
    filters: {
      $or: paths.map((path) => ({ mpath: { $like: `${path}%` } })),
    },
    // A deleted category and its deleted descendants still list their products.
    withDeleted: true,
  })
  return [...collectProductIds(data)]
}

/** The products of a flash sale's items, deleted sales included. */
const viaFlashSale: ProductIdResolver = async (query, ids) => {
  const { data } = await query.graph({
    entity: "flash_sale",
    fields: ["items.variant_id"],
    filters: { id: ids },
    withDeleted: true,
  })
  const variantIds = data.flatMap((sale: { items?: unknown }) =>
    Array.isArray(sale.items)
      ? sale.items.flatMap((item: { variant_id?: unknown } | null) =>
          typeof item?.variant_id === "string" ? [item.variant_id] : []
        )
      : []
  )
  return variantIds.length ? await viaVariant(query, variantIds) : []
}

const viaCollection = through("product_collection", ["products.id"])

const viaTag = through("product_tag", ["products.id"])

/**
 * Carries the ids of products whose sales channels, categories or collection
 * changed through a route that emits no product event.
 */
export const PRODUCTS_RELINKED = "search.products-relinked"

/** How each event the product index listens to leads to product ids. */
const RESOLVERS: Record<string, ProductIdResolver> = {
  "product.created": async (_query, ids) => ids,
  "product.updated": async (_query, ids) => ids,
  "product.deleted": async (_query, ids) => ids,
  // Read per product against what its last read saw: see `_product-consume.ts`.
  "product-variant.created": async (query, ids) => [
    ...(await productsOfVariants(query, ids)).keys(),
  ],
  "product-variant.updated": viaVariant,
  "product-variant.deleted": viaVariant,
  "inventory-level.created": through("inventory_level", viaInventoryItem),
  "inventory-level.updated": through("inventory_level", viaInventoryItem),
  "inventory-level.deleted": through("inventory_level", viaInventoryItem),
  "reservation-item.created": through("reservation_item", viaInventoryItem),
  "reservation-item.updated": through("reservation_item", viaInventoryItem),
  "reservation-item.deleted": through("reservation_item", viaInventoryItem),
  "product-category.updated": viaCategoryTree,
  "product-category.deleted": viaCategoryTree,
  "product-collection.updated": viaCollection,
  "product-collection.deleted": viaCollection,
  "product-tag.updated": viaTag,
  "product-tag.deleted": viaTag,
  // Emitted after the admin's batch routes relink products (see
  // src/api/admin/search/relinked-products.ts).
  [PRODUCTS_RELINKED]: async (_query, ids) => ids,
  // Popularity: units sold count orders placed and not canceled.
  "order.placed": through("order", ["items.product_id"]),
  "order.canceled": through("order", ["items.product_id"]),
  // Emitted by the flash-sale workflows (see src/workflows/flash-sale/events.ts).
  "flash_sale.started": viaFlashSale,
  "flash_sale.ended": viaFlashSale,
}

/** The events that can change a product document. */
export const PRODUCT_INDEX_EVENTS = Object.keys(RESOLVERS)

/** The ids an event carries. */
export function eventIds(event: SearchConsumeEvent): string[] {
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

/** Emitted for each variant, those created with their product included. */
export const VARIANT_CREATED = "product-variant.created"

/** Only a deleted product leaves the index; other deletes update it. */
export function isProductDelete(event: SearchConsumeEvent): boolean {
  return event.name === "product.deleted"
}
