import type { SearchTypes } from "@medusajs/framework/types"
import type { SqlFragment } from "../stock"
import {
  facetSourceSql,
  facetSql,
  readFacet,
  type PlannedFacet,
} from "./facets"

/** What one search asks of its document table. */
export type SearchStatementInput = {
  table: string
  /**
   * The table the text match reads and ranks its rows from, when not
   * `table`: one with the same ids, the searched vector and every column
   * the filters, facets and sort read. Documents still come from `table`.
   */
  source?: string
  /** Relevance expression; pushes its own placeholders' values. */
  rankSql: (params: unknown[]) => string
  /** The text match, when the query has words. */
  match?: SqlFragment
  /** The filters, or nothing for every row. */
  filters?: SqlFragment
  /** ORDER BY over `id`, `indexed` and `score`, without placeholders. */
  orderSql: string
  /** Whether `orderSql` reads `indexed` (a sort on a field, not relevance). */
  ordersByField: boolean
  take: number
  skip: number
  count: boolean
  facets: PlannedFacet[]
  /**
   * Ranks only the `limit` matches a cheap pre-score puts first, for match
   * sets too large to rank whole (a one- or two-letter prefix). Count and
   * facets still read every match. Ignored for a field sort.
   */
  candidates?: { limit: number; preScoreSql: (params: unknown[]) => string }
}

type StatementRow = {
  hits: { id: string; document: unknown; score: number }[] | null
  count: number | null
  [facet: `f${number}`]: unknown
}

/** The hits, count and facets of a search, as one statement read them. */
export type StatementResult = {
  hits: { id: string; document: Record<string, unknown>; score: number }[]
  count: number | null
  facets?: Record<string, SearchTypes.SearchFacetResult>
}

/**
 * The rows a search reads: those the text match finds on its own index, then
 * filtered. The match is fenced (`OFFSET 0`) so the planner cannot AND the
 * filters into the filter index: their containment (`indexed @>`) has no
 * statistics, is estimated at a fraction of a percent, and a non-selective
 * one (status, sales channel) then costs a bitmap of nearly every row.
 */
function sourceSql(input: SearchStatementInput, params: unknown[]): string {
  const where = input.filters ? ` WHERE ${input.filters.sql}` : ""
  if (!input.match) {
    params.push(...(input.filters?.params ?? []))
    return `"${input.table}"${where}`
  }
  params.push(...input.match.params, ...(input.filters?.params ?? []))
  return `(SELECT * FROM "${input.source ?? input.table}" WHERE ${input.match.sql} OFFSET 0) d${where}`
}

/**
 * Hits, count and facets of a search in one statement: the matching rows
 * are found once (`m`, with their score and only the values the facets and
 * the sort read), then paged, counted and faceted from there. The page is a
 * bounded sort of `m`, numbered afterwards; documents are read for the page
 * only. With `candidates`, `m` carries the pre-score and only the best
 * candidates are ranked (`r`), their search vectors read again by id.
 */
export function searchStatement(input: SearchStatementInput): SqlFragment {
  const params: unknown[] = []
  const bounded =
    input.candidates && input.take > 0 && !input.ordersByField
      ? input.candidates
      : undefined
  const score = bounded
    ? `${bounded.preScoreSql(params)} AS prescore`
    : `${input.rankSql(params)} AS score`
  const source = sourceSql(input, params)
  const carried = [
    `"id"`,
    score,
    ...(input.ordersByField ? [`"indexed"`] : []),
    ...input.facets.map((facet, i) => `${facetSourceSql(facet)} AS "v${i}"`),
  ]
  const ctes = [
    `m AS MATERIALIZED (SELECT ${carried.join(", ")} FROM ${source})`,
  ]
  if (bounded) {
    const rank = input.rankSql(params)
    params.push(bounded.limit)
    ctes.push(`r AS MATERIALIZED (SELECT d."id", ${rank} AS score
      FROM (SELECT "id" FROM m ORDER BY prescore DESC, "id" LIMIT ?) c
      JOIN "${input.source ?? input.table}" d ON d."id" = c."id")`)
  }
  const ranked = bounded ? "r" : "m"
  let hits = `NULL::json`
  if (input.take > 0) {
    params.push(input.take, input.skip)
    // Ties of a field sort keep an order within the page by id.
    hits = `(SELECT json_agg(json_build_object('id', page."id", 'document', d."document", 'score', page.score) ORDER BY page.position)
      FROM (
        SELECT "id", score, row_number() OVER (ORDER BY ${input.orderSql}, "id") AS position
        FROM (SELECT * FROM ${ranked} ORDER BY ${input.orderSql} LIMIT ? OFFSET ?) top
      ) page
      JOIN "${input.table}" d ON d."id" = page."id")`
  }
  const count = input.count ? `(SELECT count(*)::int FROM m)` : `NULL::int`
  const facets = input.facets.map(
    (facet, i) => `${facetSql(facet, `v${i}`, params)} AS "f${i}"`
  )
  const columns = [`${hits} AS hits`, `${count} AS count`, ...facets]
  return {
    sql: `WITH ${ctes.join(", ")} SELECT ${columns.join(",\n")}`,
    params,
  }
}

/** Reads the one row `searchStatement` returns. */
export function readStatement(
  row: StatementRow | undefined,
  facets: PlannedFacet[]
): StatementResult {
  const hits = (row?.hits ?? []).map((hit) => ({
    id: hit.id,
    document:
      typeof hit.document === "string"
        ? JSON.parse(hit.document)
        : (hit.document as Record<string, unknown>),
    score: Number(hit.score),
  }))
  const result: StatementResult = {
    hits,
    count: row?.count == null ? null : Number(row.count),
  }
  if (facets.length) {
    result.facets = Object.fromEntries(
      facets.map((facet, i) => [facet.field, readFacet(facet, row?.[`f${i}`])])
    )
  }
  return result
}

export type { StatementRow }
