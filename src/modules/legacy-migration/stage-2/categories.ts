import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  isValidHandle,
  toHandle,
} from "@medusajs/framework/utils"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import type { Pool } from "mariadb"
import { Stage2Tally } from "./counts"
import { readCategories } from "./mysql"
import { runQuietly } from "./quiet-run"

/** A legacy slug as a Medusa handle (they are already URL-safe, as a rule). */
export function handleOf(slug: string): string {
  return isValidHandle(slug) ? slug : toHandle(slug)
}

/** Medusa category ids by handle, for the given handles. */
export async function categoryIdsByHandle(
  container: MedusaContainer,
  handles: string[]
): Promise<Map<string, string>> {
  if (!handles.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_category",
    fields: ["id", "handle"],
    filters: { handle: handles },
  })
  return new Map(data.map((c) => [c.handle, c.id]))
}

/**
 * Creates the legacy categories Medusa does not have yet, found by handle
 * (the legacy slug). The legacy schema has no parent column, so they are
 * created as top-level categories.
 */
export async function migrateCategories(
  container: MedusaContainer,
  pool: Pool
): Promise<Stage2Tally> {
  const tally = new Stage2Tally(["categories"])
  const rows = await readCategories(pool)
  tally.add("categories", "source", rows.length)
  const handles = rows.map((row) => handleOf(row.slug))
  const existing = await categoryIdsByHandle(container, handles)
  const missing = rows.filter((row) => !existing.has(handleOf(row.slug)))
  tally.add("categories", "present", rows.length - missing.length)
  if (missing.length) {
    await runQuietly(container, createProductCategoriesWorkflow, {
      product_categories: missing.map((row) => ({
        name: row.name,
        handle: handleOf(row.slug),
        is_active: true,
        metadata: { legacy_slug: row.slug },
      })),
    })
    tally.add("categories", "created", missing.length)
  }
  const after = await categoryIdsByHandle(container, handles)
  tally.add("categories", "medusa", after.size)
  return tally
}
