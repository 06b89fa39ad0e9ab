type Execute = (sql: string, params?: unknown[]) => Promise<unknown[]>

/**
 * The GIN indexes of a document table: the stock provider's, the one on the
 * weighted vector, and the one of its weighted rows.
 */
export function documentGinIndexes(table: string): string[] {
  return ["fts", "trgm", "indexed", "weighted", "weighted_rows"].map(
    (kind) => `"${table}_${kind}_idx"`
  )
}

/**
 * Moves the entries a write left in the GIN indexes' pending lists into the
 * indexes, sorted and in bulk: a page of documents costs far less this way
 * than inserted entry by entry, and no query is left scanning a long pending
 * list afterwards. Indexes that do not exist are skipped. Returns the pending
 * pages merged.
 */
export async function mergePendingEntries(
  execute: Execute,
  table: string
): Promise<number> {
  const indexes = documentGinIndexes(table)
  const rows = (await execute(
    `SELECT gin_clean_pending_list(i) AS merged
     FROM unnest(ARRAY[${indexes.map(() => "to_regclass(?)").join(", ")}]) AS i
     WHERE i IS NOT NULL`,
    indexes
  )) as { merged: number | string }[]
  return rows.reduce((sum, row) => sum + Number(row.merged), 0)
}
