import type { ProductRow } from "./_product-document"
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

type VariantRecord = {
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
  price_list_id: string | null
  rules_count: number | null
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

/** Base prices (no price list) of the variants, by variant id. */
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
    ["price_set_id", "amount", "currency_code", "price_list_id", "rules_count"],
    "price_set_id",
    links.map((link) => link.price_set_id)
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

/**
 * Completes a page of products with their variants, prices, stock, sales
 * channels and taxonomy, in a fixed number of reads whatever the page size:
 * one per entity, none joining two collections.
 */
export async function loadProductRows(
  query: Query,
  products: ProductBaseRow[],
  taxonomy: ProductTaxonomy
): Promise<ProductRow[]> {
  const productIds = products.map((product) => product.id)
  const [variants, channels] = await Promise.all([
    graphByIds<VariantRecord>(
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
    ),
    graphByIds<{ product_id: string; sales_channel_id: string }>(
      query,
      "product_sales_channel",
      ["product_id", "sales_channel_id"],
      "product_id",
      productIds
    ),
  ])
  const variantIds = variants.map((variant) => variant.id)
  const [prices, inventory] = await Promise.all([
    pricesByVariant(query, variantIds),
    inventoryByVariant(query, variantIds),
  ])
  const variantsOf = groupBy(
    variants.map((variant): VariantRow & { product_id: string } => ({
      ...variant,
      prices: prices.get(variant.id) ?? [],
      inventory_items: inventory.get(variant.id) ?? [],
    })),
    (variant) => variant.product_id
  )
  const channelsOf = groupBy(channels, (link) => link.product_id)
  return products.map((product) => ({
    ...product,
    categories: taxonomy.categoriesOf(product.id),
    tags: taxonomy.tagsOf(product.id),
    sales_channels: (channelsOf.get(product.id) ?? []).map((link) => ({
      id: link.sales_channel_id,
    })),
    variants: variantsOf.get(product.id) ?? [],
  }))
}
