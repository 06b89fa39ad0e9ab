import type { Connection } from "mariadb"
import type { ProductRecord } from "../../transform/records"
import { upsertParents } from "../parents"
import { insertRows } from "../sql"
import type { CollectionWriter } from "./types"
import { replaceVariants } from "./variants"

const PRODUCT_COLUMNS = [
  "legacy_id",
  "name",
  "slug",
  "description",
  "category_id",
  "price",
  "is_active",
  "created_at",
  "updated_at",
  "deleted_at",
]

/**
 * Creates the batch's categories by slug; a category keeps the name it was
 * first created with and the creation date of its oldest product.
 */
async function categoryIds(
  connection: Connection,
  records: ProductRecord[]
): Promise<Map<string, number>> {
  const categories = new Map<string, { name: string; createdAt: Date }>()
  for (const { category, createdAt } of records) {
    if (!category) {
      continue
    }
    const known = categories.get(category.slug)
    if (!known) {
      categories.set(category.slug, { name: category.name, createdAt })
    } else if (createdAt < known.createdAt) {
      known.createdAt = createdAt
    }
  }
  if (!categories.size) {
    return new Map()
  }
  await insertRows(
    connection,
    "categories",
    ["slug", "name", "created_at"],
    [...categories].map(([slug, c]) => [slug, c.name, c.createdAt]),
    ["created_at = LEAST(created_at, VALUES(created_at))"]
  )
  const rows: { id: number; slug: string }[] = await connection.query(
    `SELECT id, slug FROM categories WHERE slug IN (?)`,
    [[...categories.keys()]]
  )
  return new Map(rows.map((row) => [row.slug, row.id]))
}

/** Products with their categories and variants. */
export const writeProducts: CollectionWriter<"products"> = async (
  connection,
  records
) => {
  const categories = await categoryIds(connection, records)
  const { ids, existed } = await upsertParents(
    connection,
    "products",
    PRODUCT_COLUMNS,
    records.map((p) => [
      p.legacyId,
      p.name,
      p.slug,
      p.description,
      p.category ? (categories.get(p.category.slug) ?? null) : null,
      p.price,
      p.isActive,
      p.createdAt,
      p.updatedAt,
      p.deletedAt,
    ])
  )
  const variants = records.flatMap((p) =>
    p.variants.map((v) => [
      ids.get(p.legacyId) ?? null,
      v.position,
      v.sku,
      v.name,
      v.price,
      v.compareAtPrice,
      v.stock,
      v.weightGrams,
    ])
  )
  await replaceVariants(connection, variants, existed)
}
