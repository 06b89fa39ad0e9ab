import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { MeiliSearchParams, MeiliSearchResponse } from "../types"
import { fromMeiliHit, toEpoch } from "./documents"
import { toMeiliFilter } from "./filters"
import type { MeiliPlan } from "./plan"

type RangeFacet = Extract<SearchTypes.SearchFacetRequest, { type: "range" }>

/** A range bucket, counted by a query of its own. */
export type RangeCount = {
  field: string
  key: string
  from?: number | string
  to?: number | string
  params: MeiliSearchParams
}

/** The Meilisearch queries one Search Module query turns into. */
export type PreparedSearch = { main: MeiliSearchParams; ranges: RangeCount[] }

const MATCHING: Record<string, MeiliSearchParams["matchingStrategy"]> = {
  all: "all",
  last: "last",
  any: "frequency",
}

const DEFAULT_TAKE = 20
const DEFAULT_FACET_LIMIT = 10

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

function facetRequests(options: SearchTypes.SearchOptions) {
  return (options.facets ?? []).map((facet): SearchTypes.SearchFacetRequest =>
    typeof facet === "string" ? { field: facet, type: "value" } : facet
  )
}

function highlightParams(
  option: SearchTypes.SearchOptions["highlight"],
  fields: string[]
): Partial<MeiliSearchParams> {
  if (!option) {
    return {}
  }
  const chosen = typeof option === "object" ? option.fields : fields
  const snippet = typeof option === "object" ? option.snippet : undefined
  return {
    attributesToHighlight: chosen,
    highlightPreTag: (typeof option === "object" && option.pre_tag) || "<mark>",
    highlightPostTag:
      (typeof option === "object" && option.post_tag) || "</mark>",
    ...(snippet
      ? {
          attributesToCrop: chosen,
          cropLength: typeof snippet === "object" ? snippet.length : 20,
        }
      : {}),
  }
}

function rangeFilter(
  field: string,
  from?: number | string,
  to?: number | string
) {
  const bounds = [
    from === undefined ? undefined : `${field} >= ${Number(toEpoch(from))}`,
    to === undefined ? undefined : `${field} < ${Number(toEpoch(to))}`,
  ].filter(Boolean)
  return bounds.join(" AND ")
}

function and(...filters: (string | undefined)[]) {
  const present = filters.filter(Boolean)
  return present.length > 1
    ? present.map((filter) => `(${filter})`).join(" AND ")
    : present[0]
}

/** Translates one Search Module query into Meilisearch search bodies. */
export function prepareSearch(
  input: SearchTypes.ProviderSearchQuery,
  plan: MeiliPlan
): PreparedSearch {
  const options = input.search_options ?? {}
  if (options.vector) {
    fail("The Meilisearch provider does not support vector search")
  }
  if (input.pagination?.cursor !== undefined) {
    fail("The Meilisearch provider does not support cursor pagination")
  }
  const skip = input.pagination?.skip ?? 0
  const take = input.pagination?.take ?? DEFAULT_TAKE
  const filter = toMeiliFilter(input.filters, plan)
  const facets = facetRequests(options)
  const exactPages = options.count === "exact" && take > 0 && skip % take === 0
  const shared: MeiliSearchParams = {
    indexUid: input.index.physical_name,
    q: input.q ?? "",
    matchingStrategy: MATCHING[options.match_strategy ?? "last"],
    ...(options.attributes_to_search_on
      ? { attributesToSearchOn: options.attributes_to_search_on }
      : {}),
    ...(options.locales?.length ? { locales: options.locales } : {}),
    ...(options.distinct ? { distinct: options.distinct } : {}),
  }
  const searched =
    options.attributes_to_search_on ??
    [...plan.fields.values()]
      .filter((field) => !!field.definition.searchable)
      .map((field) => field.path)
  const main: MeiliSearchParams = {
    ...shared,
    filter,
    sort: Object.entries(input.pagination?.order ?? {})
      .filter(([path]) => path !== "_score")
      .map(([path, direction]) => `${path}:${direction.toLowerCase()}`),
    facets: facets
      .filter((facet) => facet.type !== "range")
      .map((facet) => facet.field),
    attributesToRetrieve: [
      ...new Set([plan.primaryKey, ...input.attributes_to_retrieve]),
    ],
    ...(exactPages
      ? { page: skip / take + 1, hitsPerPage: take }
      : { offset: skip, limit: take }),
    ...(options.include_score ? { showRankingScore: true } : {}),
    ...(options.min_score !== undefined
      ? { rankingScoreThreshold: options.min_score }
      : {}),
    ...highlightParams(options.highlight, searched),
  }
  const ranges = facets
    .filter((facet): facet is RangeFacet => facet.type === "range")
    .flatMap((facet) =>
      facet.ranges.map((range) => ({
        field: facet.field,
        key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`,
        from: range.from,
        to: range.to,
        params: {
          ...shared,
          filter: and(filter, rangeFilter(facet.field, range.from, range.to)),
          page: 1,
          hitsPerPage: 0,
        },
      }))
    )
  return { main, ranges }
}

function valueFacet(
  request: Extract<SearchTypes.SearchFacetRequest, { type?: "value" }>,
  distribution: Record<string, number> = {}
): SearchTypes.SearchFacetResult {
  const prefix = request.query?.toLowerCase()
  const values = Object.entries(distribution)
    .filter(([value]) => !prefix || value.toLowerCase().startsWith(prefix))
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) =>
      request.sort === "alpha"
        ? a.value.localeCompare(b.value)
        : b.count - a.count || a.value.localeCompare(b.value)
    )
  return {
    type: "value",
    values: values.slice(0, request.limit ?? DEFAULT_FACET_LIMIT),
  }
}

function highlightsOf(
  hit: Record<string, unknown>,
  fields: string[],
  preTag: string
) {
  const formatted = hit._formatted as Record<string, unknown> | undefined
  const found: Record<string, string[]> = {}
  for (const field of fields) {
    const value = formatted?.[field]
    const texts = (Array.isArray(value) ? value : [value]).filter(
      (text): text is string =>
        typeof text === "string" && text.includes(preTag)
    )
    if (texts.length) {
      found[field] = texts
    }
  }
  return found
}

/** Maps Meilisearch's answers back to the Search Module's result. */
export function toSearchResult(
  input: SearchTypes.ProviderSearchQuery,
  plan: MeiliPlan,
  prepared: PreparedSearch,
  main: MeiliSearchResponse,
  ranges: MeiliSearchResponse[]
): SearchTypes.SearchResult {
  const options = input.search_options ?? {}
  const total = main.totalHits ?? main.estimatedTotalHits ?? main.hits.length
  const highlighted = prepared.main.attributesToHighlight ?? []
  const preTag = prepared.main.highlightPreTag ?? "<mark>"
  const facets: Record<string, SearchTypes.SearchFacetResult> = {}
  for (const request of facetRequests(options)) {
    if (request.type === "range") {
      facets[request.field] = {
        type: "range",
        ranges: prepared.ranges
          .map((range, i) => ({ range, count: ranges[i]?.totalHits ?? 0 }))
          .filter(({ range }) => range.field === request.field)
          .map(({ range, count }) => ({
            key: range.key,
            from: range.from,
            to: range.to,
            count,
          })),
      }
    } else if (request.type === "stats") {
      const stats = main.facetStats?.[request.field]
      facets[request.field] = {
        type: "stats",
        min: stats?.min ?? 0,
        max: stats?.max ?? 0,
        count: total,
      }
    } else {
      facets[request.field] = valueFacet(
        request,
        main.facetDistribution?.[request.field]
      )
    }
  }
  return {
    hits: main.hits.map((hit) => ({
      id: String(hit[plan.primaryKey]),
      score: options.include_score ? Number(hit._rankingScore) : undefined,
      document: fromMeiliHit(hit, plan, input.attributes_to_retrieve),
      ...(highlighted.length
        ? { highlights: highlightsOf(hit, highlighted, preTag) }
        : {}),
    })),
    facets: Object.keys(facets).length ? facets : undefined,
    metadata: {
      skip: input.pagination?.skip ?? 0,
      take: input.pagination?.take ?? DEFAULT_TAKE,
      count: options.count === "none" ? null : total,
      query: input.q,
      processing_time_ms: main.processingTimeMs,
    },
  }
}
