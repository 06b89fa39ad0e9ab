import type { Connection } from "mariadb"
import type { ColumnShape, DatabaseShape } from "./shape"

/** Tables Prisma itself keeps next to the schema's. */
export const PRISMA_BOOKKEEPING_TABLES = ["_prisma_migrations"]

const COLUMNS = `
SELECT table_name AS t, column_name AS c, data_type, column_type, is_nullable,
  column_default, extra, character_maximum_length AS max_length,
  numeric_precision, numeric_scale, datetime_precision
FROM information_schema.columns WHERE table_schema = ?
ORDER BY table_name, ordinal_position`

// MariaDB stores JSON as LONGTEXT guarded by a json_valid() check.
const JSON_CHECKS = `
SELECT table_name AS t, check_clause FROM information_schema.check_constraints
WHERE constraint_schema = ?`

const INDEXES = `
SELECT table_name AS t, index_name AS name, non_unique, column_name AS c
FROM information_schema.statistics WHERE table_schema = ?
ORDER BY table_name, index_name, seq_in_index`

const FOREIGN_KEYS = `
SELECT k.table_name AS t, k.constraint_name AS name, k.column_name AS c,
  k.referenced_table_name AS ref_table, k.referenced_column_name AS ref_column,
  r.delete_rule, r.update_rule
FROM information_schema.key_column_usage k
JOIN information_schema.referential_constraints r
  ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
  AND r.table_name = k.table_name
WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL
ORDER BY k.table_name, k.constraint_name, k.ordinal_position`

type ColumnRow = {
  t: string
  c: string
  data_type: string
  column_type: string
  is_nullable: string
  column_default: string | null
  extra: string
  max_length: number | bigint | null
  numeric_precision: number | bigint | null
  numeric_scale: number | bigint | null
  datetime_precision: number | bigint | null
}

function typeOf(row: ColumnRow, jsonColumns: Set<string>): string {
  const unsigned = row.column_type.includes("unsigned") ? " unsigned" : ""
  switch (row.data_type) {
    case "tinyint":
      return row.column_type.startsWith("tinyint(1)")
        ? "boolean"
        : `tinyint${unsigned}`
    case "smallint":
    case "int":
    case "bigint":
      return `${row.data_type}${unsigned}`
    case "char":
    case "varchar":
      return `${row.data_type}(${row.max_length})`
    case "decimal":
      return `decimal(${row.numeric_precision},${row.numeric_scale})`
    case "datetime":
      return `datetime(${row.datetime_precision})`
    case "enum":
      return row.column_type.replace(/\s+/g, "")
    case "longtext":
      return jsonColumns.has(`${row.t}.${row.c}`) ? "json" : "longtext"
    default:
      return row.data_type
  }
}

// MariaDB reports "NULL" for no default and quotes string literals.
function defaultOf(value: string | null): string | null {
  if (value === null || value === "NULL") {
    return null
  }
  const quoted = value.match(/^'(.*)'$/)
  return quoted ? quoted[1] : value.toLowerCase()
}

/** Tables, columns, keys and foreign keys of `database` from information_schema. */
export async function describeDatabase(
  connection: Connection,
  database: string
): Promise<DatabaseShape> {
  const shape: DatabaseShape = {}
  const table = (name: string) =>
    (shape[name] ??= {
      columns: {},
      primaryKey: [],
      indexes: {},
      foreignKeys: {},
    })

  const checks: { t: string; check_clause: string }[] = await connection.query(
    JSON_CHECKS,
    [database]
  )
  const jsonColumns = new Set(
    checks.flatMap(({ t, check_clause }) => {
      const match = check_clause.match(/^json_valid\(`([^`]+)`\)$/i)
      return match ? [`${t}.${match[1]}`] : []
    })
  )
  const columns: ColumnRow[] = await connection.query(COLUMNS, [database])
  for (const row of columns) {
    const column: ColumnShape = {
      type: typeOf(row, jsonColumns),
      nullable: row.is_nullable === "YES",
      default: defaultOf(row.column_default),
      autoIncrement: row.extra.includes("auto_increment"),
    }
    table(row.t).columns[row.c] = column
  }

  const indexes: {
    t: string
    name: string
    non_unique: number | bigint
    c: string
  }[] = await connection.query(INDEXES, [database])
  for (const row of indexes) {
    if (row.name === "PRIMARY") {
      table(row.t).primaryKey.push(row.c)
      continue
    }
    const index = (table(row.t).indexes[row.name] ??= {
      unique: Number(row.non_unique) === 0,
      columns: [],
    })
    index.columns.push(row.c)
  }

  const foreignKeys: {
    t: string
    name: string
    c: string
    ref_table: string
    ref_column: string
    delete_rule: string
    update_rule: string
  }[] = await connection.query(FOREIGN_KEYS, [database])
  for (const row of foreignKeys) {
    const fk = (table(row.t).foreignKeys[row.name] ??= {
      columns: [],
      referencedTable: row.ref_table,
      referencedColumns: [],
      onDelete: row.delete_rule,
      onUpdate: row.update_rule,
    })
    fk.columns.push(row.c)
    fk.referencedColumns.push(row.ref_column)
  }
  return shape
}
