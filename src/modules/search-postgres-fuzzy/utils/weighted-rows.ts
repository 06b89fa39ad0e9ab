import type { IndexPlan } from "../stock"
import { keywordColumns } from "./keyword-columns"
import { hasWeightedSubset, WEIGHTED_VECTOR } from "./weighted-vector"

type Execute = (sql: string, params?: unknown[]) => Promise<unknown[]>

/** Longest identifier PostgreSQL keeps. */
const MAX_IDENTIFIER = 63

/** The narrow table that mirrors a document table for weighted-field searches. */
export function weightedRowsTable(table: string): string {
  return `${table}_weighted_rows`
}

function syncFunction(table: string): string {
  return `${weightedRowsTable(table)}_sync`
}

/**
 * Adds the weighted rows of a document table: its id, weighted vector and
 * keyword columns in a table of their own, with a GIN index on the vector,
 * kept equal to the document table by a trigger in the same transaction as
 * every insert, update and delete (`TRUNCATE` is the caller's to repeat).
 * A product row is several times narrower there than with its document and
 * full vector, so a short prefix matching thousands of products reads that
 * many fewer pages. Run after the document table has its keyword columns and
 * weighted vector; a document table that already holds rows has them copied.
 */
export async function addWeightedRows(
  execute: Execute,
  table: string,
  plan: IndexPlan
) {
  if (!hasWeightedSubset(plan) || syncFunction(table).length > MAX_IDENTIFIER) {
    return
  }
  const existed = await readWeightedRows(execute, table)
  const rows = weightedRowsTable(table)
  // The keyword columns, so filters and value facets are answered there.
  const columns = [...keywordColumns(plan).values()]
  const names = ["id", WEIGHTED_VECTOR, ...columns.map((column) => column.name)]
  const quoted = names.map((name) => `"${name}"`)
  await execute(
    `CREATE TABLE IF NOT EXISTS "${rows}" (
       "id" text PRIMARY KEY,
       "${WEIGHTED_VECTOR}" tsvector NOT NULL${columns
         .map(
           (column) =>
             `,\n       "${column.name}" ${column.is_array ? "text[]" : "text"}`
         )
         .join("")}
     )`
  )
  await execute(
    `CREATE INDEX IF NOT EXISTS "${rows}_idx" ON "${rows}" USING gin ("${WEIGHTED_VECTOR}")`
  )
  await execute(
    `CREATE OR REPLACE FUNCTION "${syncFunction(table)}"() RETURNS trigger
     LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'DELETE' THEN
         DELETE FROM "${rows}" WHERE "id" = OLD."id";
       ELSE
         INSERT INTO "${rows}" (${quoted.join(", ")})
         VALUES (${names.map((name) => `NEW."${name}"`).join(", ")})
         ON CONFLICT ("id") DO UPDATE SET ${quoted
           .slice(1)
           .map((name) => `${name} = EXCLUDED.${name}`)
           .join(", ")};
       END IF;
       RETURN NULL;
     END $$`
  )
  await execute(
    `CREATE OR REPLACE TRIGGER "weighted_rows_sync"
     AFTER INSERT OR UPDATE OR DELETE ON "${table}"
     FOR EACH ROW EXECUTE FUNCTION "${syncFunction(table)}"()`
  )
  if (!existed) {
    await execute(
      `INSERT INTO "${rows}" (${quoted.join(", ")})
       SELECT ${quoted.join(", ")} FROM "${table}"
       ON CONFLICT ("id") DO NOTHING`
    )
  }
}

/** Drops the weighted rows of a document table and the trigger's function. */
export async function dropWeightedRows(execute: Execute, table: string) {
  await execute(`DROP TABLE IF EXISTS "${weightedRowsTable(table)}"`)
  await execute(`DROP FUNCTION IF EXISTS "${syncFunction(table)}"() CASCADE`)
}

/** Empties the weighted rows, after the document table was truncated. */
export async function clearWeightedRows(execute: Execute, table: string) {
  await execute(
    `DO $$ BEGIN
       IF to_regclass('"${weightedRowsTable(table)}"') IS NOT NULL THEN
         TRUNCATE TABLE "${weightedRowsTable(table)}";
       END IF;
     END $$`
  )
}

/** Whether a document table has weighted rows: not one created before them. */
export async function readWeightedRows(
  execute: Execute,
  table: string
): Promise<boolean> {
  const rows = (await execute(`SELECT to_regclass(?) AS found`, [
    `"${weightedRowsTable(table)}"`,
  ])) as { found: string | null }[]
  return !!rows[0]?.found
}
