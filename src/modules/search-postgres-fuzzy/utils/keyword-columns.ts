import type { IndexPlan, PlannedField } from "../stock"

type Execute = (sql: string, params?: unknown[]) => Promise<unknown[]>

/** Turns a jsonb array into `text[]`, for the generated array columns. */
const TEXTS_FUNCTION = "search_pg_jsonb_texts"

/** A keyword or boolean field kept in a generated column of its own. */
export type KeywordColumn = {
  path: string
  name: string
  is_array: boolean
  boolean: boolean
}

/** Longest identifier PostgreSQL keeps. */
const MAX_IDENTIFIER = 63

function columnOf(planned: PlannedField): KeywordColumn | undefined {
  const { kind, field } = planned
  const used = field.filterable === true || !!field.facetable
  if ((kind !== "keyword" && kind !== "boolean") || !used) {
    return undefined
  }
  const name = `kw_${planned.path.replace(/[^A-Za-z0-9]/g, "_")}`
  if (name.length > MAX_IDENTIFIER) {
    return undefined
  }
  return {
    path: planned.path,
    name,
    is_array: planned.is_array,
    boolean: kind === "boolean",
  }
}

/**
 * The keyword and boolean fields of a plan that are filtered or faceted on,
 * by path. Each gets a generated column (`text`, or `text[]` for arrays):
 * reading one costs a fraction of what reading the same value out of the
 * `indexed` jsonb does, for every matched row a filter checks or a facet
 * counts.
 */
export function keywordColumns(plan: IndexPlan): Map<string, KeywordColumn> {
  const columns = new Map<string, KeywordColumn>()
  for (const planned of plan.fields.values()) {
    const column = columnOf(planned)
    if (column) {
      columns.set(column.path, column)
    }
  }
  return columns
}

function generatedSql(column: KeywordColumn): string {
  const path = `'{${column.path.split(".").join(",").replace(/'/g, "''")}}'`
  return column.is_array
    ? `text[] GENERATED ALWAYS AS (${TEXTS_FUNCTION}("indexed" #> ${path})) STORED`
    : `text GENERATED ALWAYS AS ("indexed" #>> ${path}) STORED`
}

/**
 * Adds the keyword columns to a document table. They are generated, so the
 * stock provider's upsert fills them in the same statement that writes
 * `indexed`. Run on a new, empty table: on a filled one it rewrites the table.
 */
export async function addKeywordColumns(
  execute: Execute,
  table: string,
  plan: IndexPlan
) {
  const columns = [...keywordColumns(plan).values()]
  if (!columns.length) {
    return
  }
  if (columns.some((column) => column.is_array)) {
    await execute(
      `DO $$ BEGIN
         IF to_regprocedure('${TEXTS_FUNCTION}(jsonb)') IS NULL THEN
           CREATE FUNCTION ${TEXTS_FUNCTION}(value jsonb) RETURNS text[]
           LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $f$
           BEGIN
             IF jsonb_typeof(value) = 'array' THEN
               RETURN ARRAY(SELECT jsonb_array_elements_text(value));
             END IF;
             RETURN NULL;
           END $f$;
         END IF;
       END $$`
    )
  }
  await execute(
    `ALTER TABLE "${table}" ${columns
      .map(
        (column) =>
          `ADD COLUMN IF NOT EXISTS "${column.name}" ${generatedSql(column)}`
      )
      .join(", ")}`
  )
}

/** The keyword columns a document table has: none on a table created before them. */
export async function readKeywordColumns(
  execute: Execute,
  table: string,
  plan: IndexPlan
): Promise<Map<string, KeywordColumn>> {
  const rows = (await execute(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped`,
    [`"${table}"`]
  )) as { name: string }[]
  const present = new Set(rows.map((row) => row.name))
  const columns = keywordColumns(plan)
  for (const [path, column] of columns) {
    if (!present.has(column.name)) {
      columns.delete(path)
    }
  }
  return columns
}
