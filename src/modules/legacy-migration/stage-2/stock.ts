import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import type { Stage2Tally } from "./counts"
import type { ProductRow } from "./mysql"
import { amountOf } from "./product-input"
import { runQuietly } from "./quiet-run"
import type { Stage2Targets } from "./types"

/** A variant as the read-back query returns it (prices come through a link). */
export type PricedVariant = {
  sku?: string | null
  price_set?: {
    prices?:
      ({ amount?: unknown; currency_code?: string | null } | null)[] | null
  } | null
} | null

type ItemLevels = {
  id: string
  sku: string | null
  levels: { location_id: string; stocked_quantity: number }[]
}

async function inventoryItems(
  container: MedusaContainer,
  skus: string[]
): Promise<ItemLevels[]> {
  if (!skus.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: [
      "id",
      "sku",
      "location_levels.location_id",
      "location_levels.stocked_quantity",
    ],
    filters: { sku: skus },
  })
  return data.map((item) => ({
    id: item.id,
    sku: item.sku ?? null,
    levels: (item.location_levels ?? []).flatMap((level) =>
      level
        ? [
            {
              location_id: level.location_id,
              stocked_quantity: Number(level.stocked_quantity),
            },
          ]
        : []
    ),
  }))
}

/**
 * Gives each migrated variant's inventory item its legacy stock at the
 * stock location, with `createInventoryLevelsWorkflow`. Items that already
 * have a level there keep it (Medusa owns stock once migrated). Returns the
 * SKUs whose level this call created.
 */
export async function ensureStock(
  container: MedusaContainer,
  rows: ProductRow[],
  targets: Stage2Targets,
  tally: Stage2Tally
): Promise<Set<string>> {
  const stock = new Map(
    rows.flatMap((r) => r.variants.map((v) => [v.sku, v.stock] as const))
  )
  const items = await inventoryItems(container, [...stock.keys()])
  const missing = items.filter(
    (item) =>
      item.sku !== null &&
      !item.levels.some((l) => l.location_id === targets.stock_location_id)
  )
  for (const item of items) {
    const quantity = stock.get(item.sku ?? "") ?? 0
    tally.add("stock", missing.includes(item) ? "created" : "present", quantity)
  }
  if (!missing.length) {
    return new Set()
  }
  await runQuietly(container, createInventoryLevelsWorkflow, {
    inventory_levels: missing.map((item) => ({
      inventory_item_id: item.id,
      location_id: targets.stock_location_id,
      stocked_quantity: stock.get(item.sku ?? "") ?? 0,
    })),
  })
  return new Set(missing.map((item) => item.sku ?? ""))
}

/** What one page of a run created, as opposed to what it found present. */
export type CreatedByRun = {
  /** Legacy ids of the products created. */
  products: ReadonlySet<string>
  /** SKUs whose stock level was created. */
  levels: ReadonlySet<string>
}

/**
 * Reads the migrated products of a page back from Medusa and counts what
 * matches MySQL: products by `external_id`, variants by SKU under their
 * product, a price in the legacy currency and a stock level at the location.
 * Only what this run created must also equal the legacy price and quantity:
 * Medusa owns what was there before, and may have repriced or sold it since.
 */
export async function readBackCatalog(
  container: MedusaContainer,
  rows: ProductRow[],
  targets: Stage2Targets,
  tally: Stage2Tally,
  created: CreatedByRun
): Promise<void> {
  if (!rows.length) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "external_id",
      "variants.sku",
      "variants.price_set.prices.amount",
      "variants.price_set.prices.currency_code",
    ],
    filters: { external_id: rows.map((r) => r.legacy_id) },
  })
  const byLegacyId = new Map(products.map((p) => [p.external_id, p]))
  const levels = new Map(
    (
      await inventoryItems(
        container,
        rows.flatMap((r) => r.variants.map((v) => v.sku))
      )
    ).map((item) => [
      item.sku,
      item.levels.find((l) => l.location_id === targets.stock_location_id),
    ])
  )
  for (const row of rows) {
    const product = byLegacyId.get(row.legacy_id)
    if (!product) {
      continue
    }
    tally.add("products", "medusa")
    const fresh = created.products.has(row.legacy_id)
    const priced: PricedVariant[] = product.variants ?? []
    const variants = new Map(priced.map((v) => [v?.sku ?? null, v]))
    for (const legacy of row.variants) {
      const variant = variants.get(legacy.sku)
      if (!variant) {
        continue
      }
      tally.add("variants", "medusa")
      const price = (variant?.price_set?.prices ?? []).find(
        (p) => p?.currency_code === targets.currency_code
      )
      if (
        price &&
        (!fresh || Number(price.amount) === amountOf(legacy.price))
      ) {
        tally.add("prices", "medusa")
      }
      const level = levels.get(legacy.sku)
      tally.add(
        "stock",
        "medusa",
        level && !created.levels.has(legacy.sku)
          ? legacy.stock
          : (level?.stocked_quantity ?? 0)
      )
    }
  }
}
