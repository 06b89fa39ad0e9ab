import type { SearchTypes } from "@medusajs/framework/types"
import type { SqlFragment } from "../stock"
import type { KeywordColumn } from "./keyword-columns"

type Filters = SearchTypes.SearchFilters

/** Filters split into SQL on keyword columns and what is left to the stock SQL. */
export type SplitFilters = {
  columns?: SqlFragment
  /** The predicates no keyword column answers, ANDed, or nothing. */
  rest?: Filters
}

type Scalar = string | number | boolean

function isScalar(value: unknown): value is Scalar {
  return ["string", "number", "boolean"].includes(typeof value)
}

/** The values an equality or `$in` predicate accepts, or nothing for others. */
function acceptedValues(raw: unknown): Scalar[] | undefined {
  if (isScalar(raw)) {
    return [raw]
  }
  if (Array.isArray(raw)) {
    return raw.length && raw.every(isScalar) ? raw : undefined
  }
  if (raw && typeof raw === "object") {
    const entries = Object.entries(raw)
    if (entries.length !== 1) {
      return undefined
    }
    const [operator, value] = entries[0]
    if (operator === "$eq" && isScalar(value)) {
      return [value]
    }
    if (operator === "$in") {
      return acceptedValues(Array.isArray(value) ? value : [value])
    }
  }
  return undefined
}

/** A value as the column holds it: the text `indexed` stores for it. */
function asText(column: KeywordColumn, value: Scalar): string {
  if (!column.boolean || typeof value === "boolean") {
    return String(value)
  }
  return String(value === "true" ? true : value === "false" ? false : !!value)
}

function predicate(
  column: KeywordColumn,
  values: Scalar[],
  params: unknown[]
): string {
  params.push(...values.map((value) => asText(column, value)))
  const list = values.map(() => "?").join(", ")
  // An array field matches when it holds any of the values, as the stock
  // containment does; a missing field (NULL) matches nothing either way.
  return column.is_array
    ? `"${column.name}" && ARRAY[${list}]::text[]`
    : `"${column.name}" IN (${list})`
}

/**
 * Answers the equality and `$in` predicates on keyword columns (top level or
 * under `$and`) with plain column comparisons, and leaves everything else
 * (`$or`, `$not`, ranges, numbers, nulls) to the stock filter SQL.
 */
export function splitFilters(
  filters: Filters | undefined,
  columns: Map<string, KeywordColumn>
): SplitFilters {
  const sql: string[] = []
  const params: unknown[] = []
  const rest: Filters[] = []
  const walk = (branch: Filters) => {
    for (const [key, value] of Object.entries(branch)) {
      if (key === "q") {
        continue
      }
      if (key === "$and" && Array.isArray(value)) {
        value.forEach((nested) => walk(nested ?? {}))
        continue
      }
      const column = columns.get(key)
      const values = column ? acceptedValues(value) : undefined
      if (column && values) {
        sql.push(predicate(column, values, params))
      } else {
        rest.push({ [key]: value })
      }
    }
  }
  walk(filters ?? {})
  return {
    columns: sql.length ? { sql: sql.join(" AND "), params } : undefined,
    rest: rest.length > 1 ? { $and: rest } : rest[0],
  }
}
