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
  /** Relevance expression; pushes its own placeholders' values. */
  rankSql: (params: unknown[]) => string
  /** The match predicate and the filters, or nothing for every row. */
  where?: SqlFragment
  /** ORDER BY over `id`, `indexed` and `score`, without placeholders. */
  orderSql: string
  /** Whether `orderSql` reads `indexed` (a sort on a field, not relevance). */
  ordersByField: boolean
  take: number
  skip: number
  count: boolean
  facets: PlannedFacet[]
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
 * Hits, count and facets of a search in one statement: the matching rows
 * are found once (`m`, with their score and only the values the facets and
 * the sort read), then paged, counted and faceted from there. The page is a
 * bounded sort of `m`, numbered afterwards; documents are read for the page
 * only.
 */
export function searchStatement(input: SearchStatementInput): SqlFragment {
  const params: unknown[] = []
  const rank = input.rankSql(params)
  const where = input.where ? `WHERE ${input.where.sql}` : ""
  params.push(...(input.where?.params ?? []))
  const carried = [
    `"id"`,
    `${rank} AS score`,
    ...(input.ordersByField ? [`"indexed"`] : []),
    ...input.facets.map((facet, i) => `${facetSourceSql(facet)} AS "v${i}"`),
  ]
  const matched = `m AS MATERIALIZED (SELECT ${carried.join(", ")} FROM "${input.table}" ${where})`
  let hits = `NULL::json`
  if (input.take > 0) {
    params.push(input.take, input.skip)
    // Ties of a field sort keep an order within the page by id.
    hits = `(SELECT json_agg(json_build_object('id', page."id", 'document', d."document", 'score', page.score) ORDER BY page.position)
      FROM (
        SELECT "id", score, row_number() OVER (ORDER BY ${input.orderSql}, "id") AS position
        FROM (SELECT * FROM m ORDER BY ${input.orderSql} LIMIT ? OFFSET ?) top
      ) page
      JOIN "${input.table}" d ON d."id" = page."id")`
  }
  const count = input.count ? `(SELECT count(*)::int FROM m)` : `NULL::int`
  const facets = input.facets.map(
    (facet, i) => `${facetSql(facet, `v${i}`, params)} AS "f${i}"`
  )
  const columns = [`${hits} AS hits`, `${count} AS count`, ...facets]
  return {
    sql: `WITH ${matched} SELECT ${columns.join(",\n")}`,
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
