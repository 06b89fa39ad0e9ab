import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  deleteInventoryItemWorkflow,
  deleteProductsWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { ProductRow } from "./mysql"
import { runQuietly } from "./quiet-run"

/**
 * `metadata.legacy_stage_2` of a product stage 2 is still creating. Medusa
 * creates a product in several steps (the product, its channels, then its
 * variants, prices and inventory items), so a run killed in between leaves
 * a product missing parts; the mark says it was never finished.
 */
export const HALF_CREATED = "creating"

/** `metadata.legacy_stage_2` once every step of the creation has run. */
export const CREATED = "created"

/** A migrated product: its Medusa id and whether its creation finished. */
export type MigratedProduct = { id: string; complete: boolean }

/** The products of `rows` Medusa has, by `external_id` (the legacy id). */
export async function migratedProducts(
  container: MedusaContainer,
  rows: ProductRow[]
): Promise<Map<string, MigratedProduct>> {
  if (!rows.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "external_id", "metadata"],
    filters: { external_id: rows.map((r) => r.legacy_id) },
  })
  return new Map(
    data.flatMap((p) =>
      p.external_id
        ? [
            [
              p.external_id,
              {
                id: p.id,
                complete: p.metadata?.legacy_stage_2 !== HALF_CREATED,
              },
            ] as const,
          ]
        : []
    )
  )
}

/**
 * Deletes what an interrupted run left of the products of `rows` that are
 * marked half-created in `found`: the products (with their variants and
 * linked inventory items) and any inventory item of their SKUs no variant
 * holds, so that they can be created again whole. Returns those rows.
 */
export async function removeHalfCreated(
  container: MedusaContainer,
  rows: ProductRow[],
  found: Map<string, MigratedProduct>
): Promise<ProductRow[]> {
  const half = rows.filter(
    (row) => found.get(row.legacy_id)?.complete === false
  )
  const ids = half.flatMap((row) => {
    const product = found.get(row.legacy_id)
    return product ? [product.id] : []
  })
  if (!ids.length) {
    return []
  }
  await runQuietly(container, deleteProductsWorkflow, { ids })
  const skus = half.flatMap((r) => r.variants.map((v) => v.sku))
  if (!skus.length) {
    return half
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "variants.id"],
    filters: { sku: skus },
  })
  const orphans = data.filter((item) => !(item.variants ?? []).length)
  if (orphans.length) {
    await runQuietly(
      container,
      deleteInventoryItemWorkflow,
      orphans.map((item) => item.id)
    )
  }
  return half
}

/** Marks the products of `rows` as completely created. */
export async function markCreated(
  container: MedusaContainer,
  rows: ProductRow[]
): Promise<void> {
  const products = await migratedProducts(container, rows)
  const updates = rows.flatMap((row) => {
    const product = products.get(row.legacy_id)
    return product
      ? [
          {
            id: product.id,
            metadata: {
              legacy_id: row.legacy_id,
              legacy_slug: row.slug,
              legacy_stage_2: CREATED,
            },
          },
        ]
      : []
  })
  if (updates.length) {
    await runQuietly(container, updateProductsWorkflow, { products: updates })
  }
}
