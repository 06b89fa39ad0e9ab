import type { IndexPlan } from "../stock"
import { weightLabel } from "./candidates"

type Execute = (sql: string, params?: unknown[]) => Promise<unknown[]>

/** The stored vector of the fields weighing more than the default. */
export const WEIGHTED_VECTOR = "weighted_vector"

/** The weight labels above the default, as `ts_filter` takes them. */
export const WEIGHTED_LABELS = "{a,b,c}"

/**
 * The searchable fields weighing more than the default (labels A to C): for
 * a product, the names it is known by, against a description's every word.
 */
export function weightedFields(plan: IndexPlan): string[] {
  return plan.searchable.filter(
    (path) => weightLabel(plan.fields.get(path)?.field.searchable) !== "D"
  )
}

/** Whether a plan has weighted fields and others besides them. */
export function hasWeightedSubset(plan: IndexPlan): boolean {
  const weighted = weightedFields(plan).length
  return weighted > 0 && weighted < plan.searchable.length
}

/** Whether `paths` are exactly the plan's weighted fields. */
export function searchesWeightedFields(
  paths: string[] | undefined,
  plan: IndexPlan
): boolean {
  if (!paths || !hasWeightedSubset(plan)) {
    return false
  }
  const weighted = weightedFields(plan)
  return (
    new Set(paths).size === weighted.length &&
    paths.every((path) => weighted.includes(path))
  )
}

/**
 * Adds the weighted vector and its GIN index to a document table: the
 * lexemes of `search_vector` that carry a label above the default, so a
 * search on those fields alone (`attributes_to_search_on`, as autocomplete
 * asks) reads the rows they match instead of building a vector for every
 * row. Generated, so the stock provider's upsert fills it. Run on a new,
 * empty table: on a filled one it rewrites the table.
 */
export async function addWeightedVector(
  execute: Execute,
  table: string,
  plan: IndexPlan
) {
  if (!hasWeightedSubset(plan)) {
    return
  }
  await execute(
    `ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS "${WEIGHTED_VECTOR}" tsvector
     GENERATED ALWAYS AS (ts_filter("search_vector", '${WEIGHTED_LABELS}')) STORED`
  )
  await execute(
    `CREATE INDEX IF NOT EXISTS "${table}_weighted_idx"
     ON "${table}" USING gin ("${WEIGHTED_VECTOR}")`
  )
}

/** Whether a document table has the weighted vector: not one created before it. */
export async function readWeightedVector(
  execute: Execute,
  table: string
): Promise<boolean> {
  const rows = (await execute(
    `SELECT 1 FROM pg_attribute
     WHERE attrelid = to_regclass(?) AND attname = ? AND NOT attisdropped`,
    [`"${table}"`, WEIGHTED_VECTOR]
  )) as unknown[]
  return rows.length > 0
}
