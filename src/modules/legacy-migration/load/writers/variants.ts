import type { Connection } from "mariadb"
import { insertRows, updatableColumns, type SqlValue } from "../sql"

/** The columns of a variant row, in the order `replaceVariants` takes them. */
export const VARIANT_COLUMNS = [
  "product_id",
  "position",
  "sku",
  "name",
  "price",
  "compare_at_price",
  "stock",
  "weight_grams",
] as const

/**
 * Upserts variants on their SKU and removes the ones a re-migrated product
 * lost, so a variant keeps its id (and its order lines) when it moves within
 * its product. The existing products' variants first step aside to negative
 * positions, so no shifted or swapped position collides; those the upsert
 * did not take back are the lost ones.
 */
export async function replaceVariants(
  connection: Connection,
  rows: SqlValue[][],
  existingProducts: ReadonlySet<number>
): Promise<void> {
  const existing = [...existingProducts]
  if (existing.length) {
    await connection.query(
      `UPDATE product_variants SET position = -1 - position WHERE product_id IN (?)`,
      [existing]
    )
  }
  await insertRows(
    connection,
    "product_variants",
    VARIANT_COLUMNS,
    rows,
    updatableColumns(VARIANT_COLUMNS, ["product_id", "sku"])
  )
  if (existing.length) {
    await connection.query(
      `DELETE FROM product_variants WHERE product_id IN (?) AND position < 0`,
      [existing]
    )
  }
}
