import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { IndexPlan, PlannedField } from "../stock"
import type { KeywordColumn } from "./keyword-columns"

/** Values a value facet returns unless it asks for a number. */
const DEFAULT_VALUE_LIMIT = 10

type Range = { key: string; from?: number; to?: number }

/** A facet request checked against the plan, with its defaults applied. */
export type PlannedFacet =
  | {
      field: string
      type: "value"
      planned: PlannedField
      limit: number
      sort: "count" | "alpha"
      query?: string
      /** The generated column holding the field, when the table has one. */
      column?: KeywordColumn
    }
  | { field: string; type: "range"; planned: PlannedField; ranges: Range[] }
  | { field: string; type: "stats"; planned: PlannedField }

function refuse(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

function bound(value: number | string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value)
}

/**
 * Checks each facet request against the plan, as the stock provider does;
 * value facets read the field's keyword column when `columns` has one.
 */
export function planFacets(
  requests: (string | SearchTypes.SearchFacetRequest)[] | undefined,
  plan: IndexPlan,
  columns: Map<string, KeywordColumn> = new Map()
): PlannedFacet[] {
  return (requests ?? []).map((raw) => {
    const request = typeof raw === "string" ? { field: raw } : raw
    const planned = plan.fields.get(request.field)
    const facetable = planned?.field.facetable
    if (!planned || !(facetable === true || typeof facetable === "object")) {
      refuse(`Field "${request.field}" is not facetable`)
    }
    if (request.type === "range" || request.type === "stats") {
      if (planned.kind !== "number") {
        refuse(
          `A ${request.type} facet needs a numeric field ("${request.field}")`
        )
      }
    }
    if (request.type === "range") {
      const ranges = request.ranges.map((range) => {
        const from = bound(range.from)
        const to = bound(range.to)
        const key = range.key ?? `${from ?? "*"}-${to ?? "*"}`
        return { key, from, to }
      })
      return { field: request.field, type: "range", planned, ranges }
    }
    if (request.type === "stats") {
      return { field: request.field, type: "stats", planned }
    }
    return {
      field: request.field,
      type: "value",
      planned,
      limit: request.limit ?? DEFAULT_VALUE_LIMIT,
      sort: request.sort === "alpha" ? "alpha" : "count",
      query: request.query,
      column: columns.get(request.field),
    }
  })
}

/** The `indexed` value at a dotted path, as jsonb or as text. */
export function indexedPath(path: string, asText = false): string {
  const segments = path.split(".").map((segment) => segment.replace(/'/g, "''"))
  return `"indexed" ${asText ? "#>>" : "#>"} '{${segments.join(",")}}'`
}

/**
 * What a facet counts, read once per matched row: a number for ranges and
 * stats; for a value facet its keyword column, or else the jsonb array or the
 * text in `indexed`. The matched rows then carry this column instead of the
 * whole `indexed` document.
 */
export function facetSourceSql(facet: PlannedFacet): string {
  if (facet.type !== "value") {
    return `(${indexedPath(facet.field, true)})::float8`
  }
  if (facet.column) {
    return `"${facet.column.name}"`
  }
  return facet.planned.is_array
    ? indexedPath(facet.field)
    : indexedPath(facet.field, true)
}

/**
 * A scalar subquery over the matched rows (`m`) that returns one facet as
 * JSON, from the `column` `facetSourceSql` filled. Pushes its placeholders'
 * values in text order.
 */
export function facetSql(
  facet: PlannedFacet,
  column: string,
  params: unknown[]
): string {
  const value = `"${column}"`
  if (facet.type === "stats") {
    return `(SELECT json_build_object('min', min(${value}), 'max', max(${value}), 'avg', avg(${value}), 'sum', sum(${value}), 'count', count(*)) FROM m)`
  }
  if (facet.type === "range") {
    const counts = facet.ranges.map((range) => {
      const conditions: string[] = []
      if (range.from !== undefined) {
        params.push(range.from)
        conditions.push(`${value} >= ?`)
      }
      if (range.to !== undefined) {
        params.push(range.to)
        conditions.push(`${value} < ?`)
      }
      return `count(*) FILTER (WHERE ${conditions.join(" AND ") || "TRUE"})`
    })
    return `(SELECT json_build_array(${counts.join(", ")}) FROM m)`
  }
  const exploded = !facet.planned.is_array
    ? value
    : facet.column
      ? `unnest(${value})`
      : `jsonb_array_elements_text(${value})`
  const order =
    facet.sort === "alpha" ? `"value" ASC` : `"count" DESC, "value" ASC`
  let prefix = ""
  if (facet.query) {
    params.push(`${facet.query.replace(/[\\%_]/g, "\\$&")}%`)
    prefix = `AND "value" LIKE ?`
  }
  params.push(facet.limit)
  return `(SELECT coalesce(json_agg(json_build_object('value', "value", 'count', "count") ORDER BY ${order}), '[]'::json)
    FROM (
      SELECT "value", count(*)::int AS "count"
      FROM (SELECT ${exploded} AS "value" FROM m) exploded
      WHERE "value" IS NOT NULL ${prefix}
      GROUP BY "value"
      ORDER BY ${order}
      LIMIT ?
    ) counted)`
}

type Stats = {
  min: number | null
  max: number | null
  avg: number | null
  sum: number | null
  count: number
}

function optionalNumber(value: number | null): number | undefined {
  return value === null ? undefined : Number(value)
}

/** The facet's JSON, as the Search Module expects it. */
export function readFacet(
  facet: PlannedFacet,
  raw: unknown
): SearchTypes.SearchFacetResult {
  if (facet.type === "stats") {
    const stats = raw as Stats
    return {
      type: "stats",
      min: Number(stats.min ?? 0),
      max: Number(stats.max ?? 0),
      avg: optionalNumber(stats.avg),
      sum: optionalNumber(stats.sum),
      count: Number(stats.count),
    }
  }
  if (facet.type === "range") {
    const counts = raw as number[]
    return {
      type: "range",
      ranges: facet.ranges.map((range, i) => ({
        ...range,
        count: Number(counts[i] ?? 0),
      })),
    }
  }
  const values = raw as { value: string; count: number }[]
  return {
    type: "value",
    values: values.map(({ value, count }) => ({
      value: String(value),
      count: Number(count),
    })),
  }
}
