import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { Pool } from "mariadb"
import { errorMessage } from "../deploy/errors"
import { categoryIdsByHandle, handleOf } from "./categories"
import { Stage2Tally } from "./counts"
import { productPages, type ProductRow } from "./mysql"
import {
  markCreated,
  migratedProducts,
  removeHalfCreated,
} from "./half-created"
import { productInput } from "./product-input"
import { runQuietly } from "./quiet-run"
import { ensureStock, readBackCatalog } from "./stock"
import type { Stage2SkipReason, Stage2Targets } from "./types"

export const CATALOG_ENTITIES = ["products", "variants", "prices", "stock"]

type Query = ReturnType<typeof queryOf>
const queryOf = (container: MedusaContainer) =>
  container.resolve(ContainerRegistrationKeys.QUERY)

/** New products whose handle or a SKU another Medusa product holds. */
async function conflicts(
  query: Query,
  rows: ProductRow[]
): Promise<Map<string, Stage2SkipReason>> {
  const found = new Map<string, Stage2SkipReason>()
  if (!rows.length) {
    return found
  }
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["handle"],
    filters: { handle: rows.map((r) => handleOf(r.slug)) },
  })
  const handles = new Set(products.map((p) => p.handle))
  const skus = rows.flatMap((r) => r.variants.map((v) => v.sku))
  const { data: variants } = skus.length
    ? await query.graph({
        entity: "product_variant",
        fields: ["sku"],
        filters: { sku: skus },
      })
    : { data: [] }
  const taken = new Set(variants.map((v) => v.sku))
  for (const row of rows) {
    if (handles.has(handleOf(row.slug))) {
      found.set(row.legacy_id, "handle_in_use")
    } else if (row.variants.some((v) => taken.has(v.sku))) {
      found.set(row.legacy_id, "sku_in_use")
    }
  }
  return found
}

function skipProduct(
  tally: Stage2Tally,
  row: ProductRow,
  reason: Stage2SkipReason
) {
  tally.skip("products", reason)
  const nested = row.variants.length ? "parent_not_migrated" : reason
  tally.skip("variants", nested, row.variants.length)
  tally.skip("prices", nested, row.variants.length)
  tally.skip(
    "stock",
    nested,
    row.variants.reduce((sum, v) => sum + v.stock, 0)
  )
}

/**
 * Creates the products of one page with `createProductsWorkflow`, all in one
 * call; when Medusa refuses the batch, one at a time so that only the
 * refused ones are skipped (and logged).
 */
async function createProducts(
  container: MedusaContainer,
  rows: ProductRow[],
  targets: Stage2Targets,
  tally: Stage2Tally
): Promise<ProductRow[]> {
  if (!rows.length) {
    return []
  }
  const categories = await categoryIdsByHandle(
    container,
    rows.flatMap((r) => (r.category_slug ? [handleOf(r.category_slug)] : []))
  )
  const input = (row: ProductRow) =>
    productInput(
      row,
      targets,
      row.category_slug
        ? categories.get(handleOf(row.category_slug))
        : undefined
    )
  try {
    await runQuietly(container, createProductsWorkflow, {
      products: rows.map(input),
    })
    return rows
  } catch {
    const created: ProductRow[] = []
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    for (const row of rows) {
      try {
        await runQuietly(container, createProductsWorkflow, {
          products: [input(row)],
        })
        created.push(row)
      } catch (error) {
        logger.warn(
          `Legacy product ${row.legacy_id} (${row.slug}) refused by Medusa: ${errorMessage(error)}`
        )
        skipProduct(tally, row, "rejected_by_medusa")
      }
    }
    return created
  }
}

/**
 * Products, variants, prices and stock: page by page, creates the products
 * Medusa lacks (found by `external_id`; one an interrupted run left
 * half-created is deleted and created again), adds the missing stock levels, then
 * reads the page back from Medusa to count what it holds. `onPage` sees the
 * counters after each page.
 */
export async function migrateProducts(
  container: MedusaContainer,
  pool: Pool,
  targets: Stage2Targets,
  batchSize: number,
  onPage: (tally: Stage2Tally) => void | Promise<void> = () => undefined
): Promise<Stage2Tally> {
  const tally = new Stage2Tally(CATALOG_ENTITIES)
  const query = queryOf(container)
  for await (const page of productPages(pool, batchSize)) {
    for (const row of page) {
      tally.add("products", "source")
      tally.add("variants", "source", row.variants.length)
      tally.add("prices", "source", row.variants.length)
      tally.add(
        "stock",
        "source",
        row.variants.reduce((sum, v) => sum + v.stock, 0)
      )
    }
    const live = page.filter((row) => {
      if (row.deleted_at) {
        skipProduct(tally, row, "deleted_in_legacy_store")
      }
      return !row.deleted_at
    })
    const found = await migratedProducts(container, live)
    const present = new Set(
      [...found].flatMap(([id, p]) => (p.complete ? [id] : []))
    )
    await removeHalfCreated(container, live, found)
    const fresh = live.filter((row) => !present.has(row.legacy_id))
    const refused = await conflicts(query, fresh)
    for (const row of fresh) {
      const reason = refused.get(row.legacy_id)
      if (reason) {
        skipProduct(tally, row, reason)
      }
    }
    const created = await createProducts(
      container,
      fresh.filter((row) => !refused.has(row.legacy_id)),
      targets,
      tally
    )
    await markCreated(container, created)
    for (const [rows, field] of [
      [live.filter((r) => present.has(r.legacy_id)), "present"],
      [created, "created"],
    ] as const) {
      tally.add("products", field, rows.length)
      const variants = rows.reduce((n, r) => n + r.variants.length, 0)
      tally.add("variants", field, variants)
      tally.add("prices", field, variants)
    }
    const migrated = [
      ...live.filter((r) => present.has(r.legacy_id)),
      ...created,
    ]
    const levels = await ensureStock(container, migrated, targets, tally)
    await readBackCatalog(container, migrated, targets, tally, {
      products: new Set(created.map((row) => row.legacy_id)),
      levels,
    })
    await onPage(tally)
  }
  return tally
}
