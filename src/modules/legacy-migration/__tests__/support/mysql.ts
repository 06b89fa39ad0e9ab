import { createHash } from "crypto"
import { createConnection, type Connection } from "mariadb"
import { parseMysqlUrl } from "../../deploy/mysql-url"

/** The MariaDB server tests use (`LEGACY_MYSQL_TEST_URL`, without a database). */
export const TEST_SERVER =
  process.env.LEGACY_MYSQL_TEST_URL ?? "mysql://root@127.0.0.1:3306"

/** A database name no other test file (or run) uses. */
export function uniqueDatabase(prefix: string): string {
  return `klelite_${prefix}_${process.pid}_${Date.now().toString(36)}`
}

/** The URL of `database` on the test server. */
export function databaseUrl(database: string): string {
  return `${TEST_SERVER}/${database}`
}

/** A connection to the test server, no database selected. */
export function connectServer(): Promise<Connection> {
  const { host, port, user, password } = parseMysqlUrl(`${TEST_SERVER}/x`)
  return createConnection({ host, port, user, password, timezone: "Z" })
}

/** The tables stage 1 fills with migrated rows. */
export const DATA_TABLES = [
  "customers",
  "customer_addresses",
  "categories",
  "products",
  "product_variants",
  "orders",
  "order_items",
  "order_status_events",
  "reviews",
  "wishlist_items",
  "loyalty_transactions",
  "flash_sales",
  "flash_sale_items",
]

/** Every table of schema.prisma. */
export const ALL_TABLES = [
  ...DATA_TABLES,
  "migration_runs",
  "migration_checkpoints",
  "quarantine_records",
  "migration_stage_2_runs",
]

/** `CHECKSUM TABLE` of the data tables and the quarantine. */
export async function tableChecksums(
  admin: Connection,
  database: string
): Promise<Record<string, string>> {
  const tables = [...DATA_TABLES, "quarantine_records"]
  const rows: { Table: string; Checksum: number | bigint }[] =
    await admin.query(
      `CHECKSUM TABLE ${tables.map((t) => `\`${database}\`.${t}`).join(", ")}`
    )
  return Object.fromEntries(
    rows.map((row) => [row.Table.split(".")[1], String(row.Checksum)])
  )
}

/** Row counts of every table. */
export async function rowCounts(
  admin: Connection,
  database: string
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of ALL_TABLES) {
    const [{ n }] = await admin.query(
      `SELECT COUNT(*) AS n FROM \`${database}\`.${table}`
    )
    counts[table] = Number(n)
  }
  return counts
}

// Foreign keys are compared by what they point at, since surrogate ids
// differ between two databases that took different paths to the same data.
const POINTERS: Record<string, { table: string; key: string }> = {
  customer_id: { table: "customers", key: "legacy_id" },
  product_id: { table: "products", key: "legacy_id" },
  order_id: { table: "orders", key: "legacy_id" },
  variant_id: { table: "product_variants", key: "sku" },
  category_id: { table: "categories", key: "slug" },
  flash_sale_id: { table: "flash_sales", key: "legacy_id" },
}
const VOLATILE = new Set(["id", "run_id"])

function plain(value: unknown): unknown {
  if (value instanceof Date) {
    return value.toISOString()
  }
  return typeof value === "bigint" ? Number(value) : value
}

/**
 * A hash per table of its rows without surrogate ids (foreign keys replaced
 * by the legacy id, SKU or slug they point at, run ids and bookkeeping dates
 * left out), so two databases holding the same data hash the same.
 */
export async function contentHashes(
  admin: Connection,
  database: string
): Promise<Record<string, string>> {
  const keys: Record<string, Map<number, unknown>> = {}
  for (const [column, { table, key }] of Object.entries(POINTERS)) {
    const rows: { id: number; k: unknown }[] = await admin.query(
      `SELECT id, ${key} AS k FROM \`${database}\`.${table}`
    )
    keys[column] = new Map(rows.map((row) => [Number(row.id), row.k]))
  }
  const hashes: Record<string, string> = {}
  for (const table of [...DATA_TABLES, "quarantine_records"]) {
    const rows: Record<string, unknown>[] = await admin.query(
      `SELECT * FROM \`${database}\`.${table}`
    )
    const lines = rows
      .map((row) => {
        const entries = Object.entries(row)
          .filter(([column]) => !VOLATILE.has(column))
          .filter(
            ([column]) =>
              !(table === "quarantine_records" && column === "created_at")
          )
          .map(([column, value]) => [
            column,
            POINTERS[column] && value !== null
              ? keys[column].get(Number(value))
              : plain(value),
          ])
        return JSON.stringify(entries)
      })
      .sort()
    hashes[table] = `${rows.length}:${createHash("sha256")
      .update(lines.join("\n"))
      .digest("hex")
      .slice(0, 16)}`
  }
  return hashes
}
