/**
 * The yardstick of `bench:migration`: the same rows the migration wrote,
 * copied table by table into an empty schema with plain multi-row INSERTs
 * through the `mariadb` driver. Only the INSERTs are timed (rows are read
 * back from the migrated database between them).
 */

// Parents before children, so foreign keys hold as rows arrive.
const TABLES = [
  "migration_runs",
  "categories",
  "products",
  "product_variants",
  "customers",
  "customer_addresses",
  "wishlist_items",
  "orders",
  "order_items",
  "order_status_events",
  "reviews",
  "loyalty_transactions",
  "flash_sales",
  "flash_sale_items",
  "quarantine_records",
]

function insertSql(table, columns, rows) {
  const row = `(${columns.map(() => "?").join(", ")})`
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${new Array(rows).fill(row).join(", ")}`
}

function sqlValue(value) {
  return value !== null && typeof value === "object" && !(value instanceof Date)
    ? JSON.stringify(value)
    : value
}

/** Copies every table from `from` into `to` (same schema); returns rows and insert time. */
async function plainInsertCopy({ from, to, from_db, batchRows = 5000 }) {
  let rows = 0
  let insertMs = 0
  for (const table of TABLES) {
    const stream = from.queryStream(`SELECT * FROM \`${from_db}\`.${table}`)
    let batch = []
    let columns = null
    const flush = async () => {
      if (!batch.length) {
        return
      }
      const started = process.hrtime.bigint()
      await to.query(insertSql(table, columns, batch.length), batch.flat())
      insertMs += Number(process.hrtime.bigint() - started) / 1e6
      rows += batch.length
      batch = []
    }
    for await (const row of stream) {
      columns = columns || Object.keys(row)
      batch.push(columns.map((column) => sqlValue(row[column])))
      if (batch.length >= batchRows) {
        await flush()
      }
    }
    await flush()
  }
  return { rows, insertMs }
}

module.exports = { plainInsertCopy, PLAIN_INSERT_TABLES: TABLES }
