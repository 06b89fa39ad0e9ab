import type { Connection } from "mariadb"

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | boolean | Date | null

/** Rows per statement; a batch with more child rows is split. */
export const MAX_ROWS_PER_STATEMENT = 5000
// Well under the server's default max_allowed_packet of 16 MiB.
const MAX_BYTES_PER_STATEMENT = 4 * 1024 * 1024

function placeholders(columns: number, rows: number): string {
  const row = `(${new Array(columns).fill("?").join(", ")})`
  return new Array(rows).fill(row).join(", ")
}

/**
 * A multi-row `INSERT` of `rows` rows. With `update`, duplicates of any unique
 * key update those columns from the new row (or apply an assignment given as
 * `col = expr`) instead of failing. Table and column names come from this
 * module's constants, never from data.
 */
export function insertStatement(
  table: string,
  columns: readonly string[],
  rows: number,
  update: readonly string[] = []
): string {
  const insert = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${placeholders(columns.length, rows)}`
  if (!update.length) {
    return insert
  }
  const set = update.map((column) =>
    column.includes("=") ? column : `${column} = VALUES(${column})`
  )
  return `${insert} ON DUPLICATE KEY UPDATE ${set.join(", ")}`
}

function approximateBytes(row: readonly SqlValue[]): number {
  let bytes = 0
  for (const value of row) {
    bytes += typeof value === "string" ? value.length * 2 + 4 : 12
  }
  return bytes
}

/** Splits rows into statement-sized groups, by count and by approximate size. */
export function statementGroups<T extends readonly SqlValue[]>(
  rows: readonly T[],
  maxRows = MAX_ROWS_PER_STATEMENT,
  maxBytes = MAX_BYTES_PER_STATEMENT
): T[][] {
  const groups: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const row of rows) {
    const size = approximateBytes(row)
    if (
      current.length &&
      (current.length >= maxRows || bytes + size > maxBytes)
    ) {
      groups.push(current)
      current = []
      bytes = 0
    }
    current.push(row)
    bytes += size
  }
  if (current.length) {
    groups.push(current)
  }
  return groups
}

/** Inserts (or upserts, with `update`) `rows` in as few statements as fit. */
export async function insertRows(
  connection: Connection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  update: readonly string[] = []
): Promise<void> {
  for (const group of statementGroups(rows)) {
    await connection.query(
      insertStatement(table, columns, group.length, update),
      group.flat()
    )
  }
}

/** The columns of `columns` a duplicate-key update rewrites: all but `keys`. */
export function updatableColumns(
  columns: readonly string[],
  keys: readonly string[]
): string[] {
  return columns.filter((column) => !keys.includes(column))
}
