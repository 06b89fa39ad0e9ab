import { INDEXED_CURRENCIES, type ProductRow } from "./_product-document"
import { graphByIds, groupBy, type Query } from "./_graph"
import type { ProductTaxonomy } from "./_product-taxonomy"

/** The product's own columns: what the seed pages and events read first. */
export const PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "status",
  "thumbnail",
  "created_at",
  "collection.title",
  "collection.handle",
]

/** A product as `PRODUCT_FIELDS` reads it. */
export type ProductBaseRow = Omit<
  ProductRow,
  "categories" | "tags" | "sales_channels" | "variants"
>

/** A variant as the page reads it first. */
export type VariantRecord = {
  id: string
  product_id: string
  sku: string | null
  manage_inventory: boolean | null
  allow_backorder: boolean | null
  options?: ({ value: string | null } | null)[] | null
}

type PriceSetLink = { variant_id: string; price_set_id: string }

type PriceRecord = {
  price_set_id: string
  amount: number | string | null
  currency_code: string | null
}

/**
 * The prices a document's lowest price can come from: base prices (no price
 * list, no rules) in an indexed currency. Filtered by PostgreSQL, so the
 * price lists' and the rules' prices are never hydrated.
 */
const BASE_PRICE_FILTERS = {
  currency_code: [...INDEXED_CURRENCIES],
  price_list_id: null,
  $or: [{ rules_count: 0 }, { rules_count: null }],
}

type InventoryLink = {
  variant_id: string
  inventory_item_id: string
  required_quantity: number | string | null
}

type LevelRecord = {
  inventory_item_id: string
  stocked_quantity: number | string | null
  reserved_quantity: number | string | null
}

type VariantRow = NonNullable<NonNullable<ProductRow["variants"]>[number]>

/** A variant with its product, base prices and stock. */
export type ProductVariantRow = VariantRow & { product_id: string }

/** Base prices in the indexed currencies of the variants, by variant id. */
async function pricesByVariant(query: Query, variantIds: string[]) {
  const links = await graphByIds<PriceSetLink>(
    query,
    "product_variant_price_set",
    ["variant_id", "price_set_id"],
    "variant_id",
    variantIds
  )
  const prices = await graphByIds<PriceRecord>(
    query,
    "price",
    ["price_set_id", "amount", "currency_code"],
    "price_set_id",
    links.map((link) => link.price_set_id),
    { filters: BASE_PRICE_FILTERS }
  )
  const bySet = groupBy(prices, (price) => price.price_set_id)
  return new Map(
    links.map((link) => [link.variant_id, bySet.get(link.price_set_id) ?? []])
  )
}

/** Inventory items of the variants with their sellable units per location. */
async function inventoryByVariant(query: Query, variantIds: string[]) {
  const links = await graphByIds<InventoryLink>(
    query,
    "product_variant_inventory_item",
    ["variant_id", "inventory_item_id", "required_quantity"],
    "variant_id",
    variantIds
  )
  const levels = await graphByIds<LevelRecord>(
    query,
    "inventory_level",
    ["inventory_item_id", "stocked_quantity", "reserved_quantity"],
    "inventory_item_id",
    links.map((link) => link.inventory_item_id)
  )
  const byItem = groupBy(levels, (level) => level.inventory_item_id)
  return groupBy(
    links.map((link) => ({
      variant_id: link.variant_id,
      required_quantity: link.required_quantity,
      inventory: {
        location_levels: (byItem.get(link.inventory_item_id) ?? []).map(
          (level) => ({
            available_quantity:
              Number(level.stocked_quantity ?? 0) -
              Number(level.reserved_quantity ?? 0),
          })
        ),
      },
    })),
    (link) => link.variant_id
  )
}

/** The variants of the products, without their prices and stock. */
export async function readVariants(
  query: Query,
  productIds: string[]
): Promise<VariantRecord[]> {
  return await graphByIds<VariantRecord>(
    query,
    "product_variant",
    [
      "id",
      "product_id",
      "sku",
      "manage_inventory",
      "allow_backorder",
      "options.value",
    ],
    "product_id",
    productIds
  )
}

/** Whether the variant's stock decides if it can be sold. */
const stockCounts = (variant: VariantRecord) =>
  !!variant.manage_inventory && !variant.allow_backorder

/**
 * The variants with their base prices and, where it counts, their stock: a
 * variant without managed inventory or with backorders sells regardless.
 */
export async function completeVariants(
  query: Query,
  variants: VariantRecord[]
): Promise<ProductVariantRow[]> {
  const [prices, inventory] = await Promise.all([
    pricesByVariant(
      query,
      variants.map((variant) => variant.id)
    ),
    inventoryByVariant(
      query,
      variants.filter(stockCounts).map((variant) => variant.id)
    ),
  ])
  return variants.map((variant) => ({
    ...variant,
    prices: prices.get(variant.id) ?? [],
    inventory_items: inventory.get(variant.id) ?? [],
  }))
}

/** The sales channels of the products, by product id. */
export async function salesChannelsByProduct(
  query: Query,
  productIds: string[]
): Promise<Map<string, { id: string }[]>> {
  const links = await graphByIds<{
    product_id: string
    sales_channel_id: string
  }>(
    query,
    "product_sales_channel",
    ["product_id", "sales_channel_id"],
    "product_id",
    productIds
  )
  const channels = new Map<string, { id: string }[]>()
  for (const [productId, group] of groupBy(links, (link) => link.product_id)) {
    channels.set(
      productId,
      group.map((link) => ({ id: link.sales_channel_id }))
    )
  }
  return channels
}

/** A page of products completed with what their documents are built from. */
export function toProductRows(
  products: ProductBaseRow[],
  taxonomy: ProductTaxonomy,
  variants: ProductVariantRow[],
  channels: Map<string, { id: string }[]>
): ProductRow[] {
  const variantsOf = groupBy(variants, (variant) => variant.product_id)
  return products.map((product) => ({
    ...product,
    categories: taxonomy.categoriesOf(product.id),
    tags: taxonomy.tagsOf(product.id),
    sales_channels: channels.get(product.id) ?? [],
    variants: variantsOf.get(product.id) ?? [],
  }))
}
