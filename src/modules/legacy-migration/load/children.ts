import type { Connection } from "mariadb"
import { insertRows, updatableColumns, type SqlValue } from "./sql"

type ChildRow = { id: number; parent: number; k: number }

/**
 * Deletes the rows of `table` under the parents of `keep` whose `keyColumn`
 * (a position or a product id) the new document no longer has. Only parents
 * that existed before the batch can have any, so only they are passed.
 */
export async function deleteStaleChildren(
  connection: Connection,
  table: string,
  parentColumn: string,
  keyColumn: string,
  keep: Map<number, Set<number>>
): Promise<void> {
  if (!keep.size) {
    return
  }
  const rows: ChildRow[] = await connection.query(
    `SELECT id, ${parentColumn} AS parent, ${keyColumn} AS k FROM ${table} WHERE ${parentColumn} IN (?)`,
    [[...keep.keys()]]
  )
  const stale = rows
    .filter((row) => !keep.get(row.parent)?.has(row.k))
    .map((row) => row.id)
  if (stale.length) {
    await connection.query(`DELETE FROM ${table} WHERE id IN (?)`, [stale])
  }
}

/** A child table: rows keyed by their parent and one more column. */
export type ChildTable = {
  table: string
  columns: readonly string[]
  /** The parent column and the column unique with it (position, product). */
  key: readonly [string, string]
}

/**
 * Upserts child rows on (parent, key) and removes the ones a re-migrated
 * parent lost, so ids of unchanged rows survive a re-run.
 */
export async function replaceChildren(
  connection: Connection,
  child: ChildTable,
  rows: SqlValue[][],
  existingParents: ReadonlySet<number>
): Promise<void> {
  await insertRows(
    connection,
    child.table,
    child.columns,
    rows,
    updatableColumns(child.columns, child.key)
  )
  if (!existingParents.size) {
    return
  }
  const [parentColumn, keyColumn] = child.key
  const parentAt = child.columns.indexOf(parentColumn)
  const keyAt = child.columns.indexOf(keyColumn)
  const keep = new Map<number, Set<number>>(
    [...existingParents].map((id) => [id, new Set<number>()])
  )
  for (const row of rows) {
    keep.get(Number(row[parentAt]))?.add(Number(row[keyAt]))
  }
  await deleteStaleChildren(
    connection,
    child.table,
    parentColumn,
    keyColumn,
    keep
  )
}
