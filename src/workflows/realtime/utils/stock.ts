import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Alert threshold when a variant's metadata sets none. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5

/** Inventory level fields the stock workflows read. */
export const STOCK_LEVEL_FIELDS = [
  "id",
  "location_id",
  "stocked_quantity",
  "reserved_quantity",
  "inventory_item.id",
  "inventory_item.sku",
  "inventory_item.variants.id",
  "inventory_item.variants.title",
  "inventory_item.variants.sku",
  "inventory_item.variants.metadata",
  "inventory_item.variants.product.id",
  "inventory_item.variants.product.title",
  "inventory_item.variants.product.handle",
]

type Quantity = number | string | { toString(): string } | null | undefined

/** An inventory level as the stock workflows read it. */
export type StockLevel = {
  id: string
  location_id?: string | null
  stocked_quantity?: Quantity
  reserved_quantity?: Quantity
  inventory_item?: {
    sku?: string | null
    variants?:
      | ({
          id: string
          title?: string | null
          sku?: string | null
          metadata?: Record<string, unknown> | null
          product?: {
            id: string
            title?: string | null
            handle?: string | null
          } | null
        } | null)[]
      | null
  } | null
}

export type StockVariant = {
  variant_id: string
  variant_title: string | null
  sku: string | null
  product_id: string | null
  product_title: string
  product_handle: string | null
  threshold: number
}

const toNumber = (value: Quantity) => Number(value?.toString() ?? 0)

/** `low_stock_threshold` from the variant's metadata, if a whole number. */
export function thresholdOf(metadata?: Record<string, unknown> | null) {
  const value = Number(metadata?.low_stock_threshold)
  return Number.isInteger(value) && value >= 0
    ? value
    : DEFAULT_LOW_STOCK_THRESHOLD
}

/** Units sellable at the level and the variants it stocks. */
export function levelStock(level: StockLevel | undefined) {
  const available = level
    ? toNumber(level.stocked_quantity) - toNumber(level.reserved_quantity)
    : 0
  const variants: StockVariant[] = (
    level?.inventory_item?.variants ?? []
  ).flatMap((variant) =>
    variant
      ? [
          {
            variant_id: variant.id,
            variant_title: variant.title ?? null,
            sku: variant.sku ?? level?.inventory_item?.sku ?? null,
            product_id: variant.product?.id ?? null,
            product_title: variant.product?.title ?? variant.title ?? "",
            product_handle: variant.product?.handle ?? null,
            threshold: thresholdOf(variant.metadata),
          },
        ]
      : []
  )
  return { available, location_id: level?.location_id ?? null, variants }
}

/**
 * Reads a level's stock past the cache, for a caller holding the level's
 * lock that must see the latest stock; `found` is false once it is deleted.
 */
export async function readLevelStock(
  container: MedusaContainer,
  inventoryLevelId: string
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    {
      entity: "inventory_level",
      fields: STOCK_LEVEL_FIELDS,
      filters: { id: inventoryLevelId },
    },
    { cache: { enable: false } }
  )
  const level: StockLevel | undefined = data[0]
  return { ...levelStock(level), found: !!level }
}
