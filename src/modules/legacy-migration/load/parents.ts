import type { Connection } from "mariadb"
import { insertRows, type SqlValue } from "./sql"

type IdRow = { id: number; legacy_id: string }

/** Parent rows after an upsert: legacy id → row id, and the rows that were there before. */
export type UpsertedParents = {
  ids: Map<string, number>
  existed: Set<number>
}

async function idsOf(
  connection: Connection,
  table: string,
  legacyIds: string[]
): Promise<Map<string, number>> {
  const rows: IdRow[] = legacyIds.length
    ? await connection.query(
        `SELECT id, legacy_id FROM ${table} WHERE legacy_id IN (?)`,
        [legacyIds]
      )
    : []
  return new Map(rows.map((row) => [row.legacy_id, row.id]))
}

/**
 * Inserts or updates rows keyed by `legacy_id` (the first column) and reads
 * their ids back for the child rows. Surrogate ids never change on a re-run.
 */
export async function upsertParents(
  connection: Connection,
  table: string,
  columns: readonly string[],
  rows: SqlValue[][]
): Promise<UpsertedParents> {
  const legacyIds = rows.map((row) => String(row[0]))
  const before = await idsOf(connection, table, legacyIds)
  await insertRows(connection, table, columns, rows, columns.slice(1))
  const ids =
    before.size === legacyIds.length
      ? before
      : await idsOf(connection, table, legacyIds)
  return { ids, existed: new Set(before.values()) }
}
