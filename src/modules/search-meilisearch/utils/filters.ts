import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { toEpoch } from "./documents"
import type { MeiliField, MeiliPlan } from "./plan"

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

/** A filter value as Meilisearch's filter syntax spells it. */
function literal(field: MeiliField, value: unknown): string {
  const cast = field.definition.type === "date" ? toEpoch(value) : value
  if (typeof cast === "number") {
    if (!Number.isFinite(cast)) {
      fail(`Cannot filter "${field.path}" by a non-finite number`)
    }
    return String(cast)
  }
  if (typeof cast === "boolean") {
    return String(cast)
  }
  if (typeof cast === "string") {
    return JSON.stringify(cast)
  }
  return fail(`Cannot filter "${field.path}" by ${JSON.stringify(cast)}`)
}

function list(field: MeiliField, values: unknown): string {
  const all = Array.isArray(values) ? values : [values]
  return `[${all.map((value) => literal(field, value)).join(", ")}]`
}

function equals(field: MeiliField, value: unknown): string {
  return value === null
    ? `${field.path} IS NULL`
    : `${field.path} = ${literal(field, value)}`
}

function compare(field: MeiliField, operator: string, value: unknown): string {
  if (field.array) {
    fail(
      `Operator "${operator}" is not supported on array field "${field.path}"`
    )
  }
  return `${field.path} ${operator} ${literal(field, value)}`
}

function operatorSql(
  field: MeiliField,
  operator: string,
  value: unknown
): string {
  switch (operator) {
    case "$eq":
      return equals(field, value)
    case "$ne":
      return value === null
        ? `${field.path} IS NOT NULL`
        : `${field.path} != ${literal(field, value)}`
    case "$in":
    case "$overlaps":
      return `${field.path} IN ${list(field, value)}`
    case "$nin":
      return `${field.path} NOT IN ${list(field, value)}`
    case "$gt":
      return compare(field, ">", value)
    case "$gte":
      return compare(field, ">=", value)
    case "$lt":
      return compare(field, "<", value)
    case "$lte":
      return compare(field, "<=", value)
    case "$exists":
      return `${field.path} ${value ? "EXISTS" : "NOT EXISTS"}`
    case "$contains": {
      const all = Array.isArray(value) ? value : [value]
      return `(${all.map((entry) => equals(field, entry)).join(" AND ")})`
    }
    default:
      return fail(
        `The Meilisearch provider does not support operator "${operator}" on "${field.path}"`
      )
  }
}

function fieldSql(plan: MeiliPlan, path: string, raw: unknown): string {
  const field = plan.fields.get(path)
  if (!field) {
    fail(`Unknown filter field "${path}" on the Meilisearch provider`)
  }
  if (raw === null || typeof raw !== "object") {
    return equals(field, raw)
  }
  if (Array.isArray(raw)) {
    return `${field.path} IN ${list(field, raw)}`
  }
  const parts = Object.entries(raw).map(([operator, value]) =>
    operatorSql(field, operator, value)
  )
  if (!parts.length) {
    fail(`Empty operator map on filter field "${path}"`)
  }
  return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`
}

/**
 * Compiles the Search Module's filter tree into a Meilisearch filter
 * expression. Values are always written as literals (strings JSON-quoted), so
 * a value can never become syntax.
 */
export function toMeiliFilter(
  filters: SearchTypes.SearchFilters | undefined,
  plan: MeiliPlan
): string | undefined {
  if (!filters) {
    return undefined
  }
  const compile = (branch: Record<string, unknown>): string => {
    const parts: string[] = []
    for (const [key, value] of Object.entries(branch)) {
      if (key === "q") {
        continue
      }
      if (key === "$and" || key === "$or") {
        const nested = (value as Record<string, unknown>[])
          .map(compile)
          .filter(Boolean)
        if (nested.length) {
          parts.push(`(${nested.join(key === "$and" ? " AND " : " OR ")})`)
        }
      } else if (key === "$not") {
        const nested = compile(value as Record<string, unknown>)
        if (nested) {
          parts.push(`NOT (${nested})`)
        }
      } else {
        parts.push(fieldSql(plan, key, value))
      }
    }
    return parts.join(" AND ")
  }
  return compile(filters) || undefined
}
