import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  SEARCH_ANALYTICS_MODULE,
  type SearchAnalyticsModuleService,
} from "../../../../modules/search-analytics"
import {
  remember,
  TtlCache,
} from "../../../../modules/search-postgres-fuzzy/utils/ttl-cache"

/** The product fields an autocomplete hit carries. */
export const AUTOCOMPLETE_PRODUCT_FIELDS = [
  "id",
  "title",
  "handle",
  "thumbnail",
  "price_eur",
  "price_usd",
  "in_stock",
]

/**
 * The fields a product is known by: the index's searchable fields weighing
 * more than the default (src/search/products.ts). Autocomplete matches them
 * first; the PostgreSQL provider keeps them in a vector of their own.
 */
export const PRODUCT_NAME_FIELDS = ["title", "subtitle", "category_names"]

/** How far back popular queries are looked for. */
const SUGGESTION_WINDOW_DAYS = 30

const CATEGORY_LIMIT = 5

/** What the storefront shows under a search box. */
export type AutocompleteResult = {
  query: string
  products: Record<string, unknown>[]
  categories: { handle: string; name: string; count: number }[]
  suggestions: string[]
}

/** How long category names are reused before they are read again. */
const CATEGORY_NAMES_TTL_MS = 60_000

let categoryNames:
  { at: number; names: Promise<Map<string, string>> } | undefined

/**
 * Names of the storefront's categories by handle, read at most once a minute:
 * a rename shows in autocomplete within that minute.
 */
function visibleCategoryNames(container: MedusaContainer) {
  if (!categoryNames || Date.now() - categoryNames.at > CATEGORY_NAMES_TTL_MS) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const names = query
      .graph({
        entity: "product_category",
        fields: ["handle", "name"],
        filters: { is_active: true, is_internal: false },
      })
      .then(({ data }) => new Map(data.map((c) => [c.handle, c.name])))
    names.catch(() => (categoryNames = undefined))
    categoryNames = { at: Date.now(), names }
  }
  return categoryNames.names
}

async function categoriesByHandle(
  container: MedusaContainer,
  counts: { value: string; count: number }[]
) {
  if (!counts.length) {
    return []
  }
  const names = await visibleCategoryNames(container)
  return counts.flatMap(({ value, count }) => {
    const name = names.get(value)
    return name ? [{ handle: value, name, count }] : []
  })
}

/** How long an answer is reused, by default. */
const DEFAULT_ANSWER_TTL_MS = 3000

const ANSWER_CACHE_SIZE = 2000

type Answer = Omit<AutocompleteResult, "query">

let answers: { ttlMs: number; cache: TtlCache<Promise<Answer>> } | undefined

/**
 * Answers reused for `SEARCH_AUTOCOMPLETE_CACHE_MS` milliseconds (3 s by
 * default, `0` turns reuse off). Shoppers type the same first letters over
 * and over; a few seconds of staleness is invisible in a typeahead.
 */
function answerCache(): TtlCache<Promise<Answer>> | undefined {
  const configured = process.env.SEARCH_AUTOCOMPLETE_CACHE_MS
  const ttlMs = configured ? Number(configured) : DEFAULT_ANSWER_TTL_MS
  if (!(ttlMs > 0)) {
    return undefined
  }
  if (answers?.ttlMs !== ttlMs) {
    answers = { ttlMs, cache: new TtlCache(ANSWER_CACHE_SIZE, ttlMs) }
  }
  return answers.cache
}

/** The key an answer is reused under: same words, limit and channels. */
export function answerKey(input: {
  q: string
  limit: number
  salesChannelIds: string[]
}): string {
  const words = input.q.trim().toLowerCase().replace(/\s+/g, " ")
  const channels = [...input.salesChannelIds].sort().join(",")
  return `${input.limit}|${channels}|${words}`
}

/**
 * Typeahead for the storefront: the best products for the words typed so far
 * (the last one a prefix, typos tolerated), the categories they fall in, and
 * popular earlier queries that start the same way. Concurrent and recent
 * identical requests share one answer.
 */
export async function autocomplete(
  container: MedusaContainer,
  input: { q: string; limit: number; salesChannelIds: string[] }
): Promise<AutocompleteResult> {
  if (!input.salesChannelIds.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Publishable key needs to have a sales channel configured"
    )
  }
  const cache = answerCache()
  if (!cache) {
    return { query: input.q, ...(await answer(container, input)) }
  }
  const found = await remember(cache, answerKey(input), () =>
    answer(container, input)
  )
  return { query: input.q, ...found }
}

type ProductSearch = {
  limit: number
  /** Only the fields products are known by, or all searchable ones. */
  names: boolean
  /** Whether the categories of the matches are counted. */
  categories: boolean
  exclude?: string[]
}

async function searchProducts(
  container: MedusaContainer,
  input: { q: string; salesChannelIds: string[] },
  { limit, names, categories, exclude }: ProductSearch
) {
  const search = container.resolve(Modules.SEARCH)
  const result = await search.search({
    entity: "product",
    fields: AUTOCOMPLETE_PRODUCT_FIELDS,
    filters: {
      q: input.q,
      status: ProductStatus.PUBLISHED,
      sales_channel_ids: input.salesChannelIds,
      ...(exclude?.length ? { id: { $nin: exclude } } : {}),
    },
    pagination: { take: limit },
    search_options: {
      match_strategy: "last",
      typo_tolerance: true,
      count: "none",
      ...(names ? { attributes_to_search_on: PRODUCT_NAME_FIELDS } : {}),
      ...(categories
        ? { facets: [{ field: "categories", limit: CATEGORY_LIMIT }] }
        : {}),
    },
  })
  const facet = result.facets?.categories
  return {
    hits: result.hits,
    categories: facet?.type === "value" ? facet.values : [],
  }
}

/**
 * Products whose names match come first, with the categories they fall in;
 * when they are fewer than the limit, products matching on any other field
 * (a description, an allergen) fill the places left. Matching names first
 * also keeps typing fast: a flavour named in thousands of descriptions is
 * in the names of far fewer products.
 */
async function matchingProducts(
  container: MedusaContainer,
  input: { q: string; limit: number; salesChannelIds: string[] }
) {
  const named = await searchProducts(container, input, {
    limit: input.limit,
    names: true,
    categories: true,
  })
  const products = named.hits.map((hit) => hit.document)
  let categories = named.categories
  if (products.length < input.limit) {
    const others = await searchProducts(container, input, {
      limit: input.limit - products.length,
      names: false,
      categories: !products.length,
      exclude: named.hits.map((hit) => String(hit.id)),
    })
    products.push(...others.hits.map((hit) => hit.document))
    if (!named.hits.length) {
      categories = others.categories
    }
  }
  return { products, categories }
}

async function answer(
  container: MedusaContainer,
  input: { q: string; limit: number; salesChannelIds: string[] }
): Promise<Answer> {
  const analytics = container.resolve<SearchAnalyticsModuleService>(
    SEARCH_ANALYTICS_MODULE
  )
  const since = new Date(Date.now() - SUGGESTION_WINDOW_DAYS * 86_400_000)
  const [{ products, categories }, suggestions] = await Promise.all([
    matchingProducts(container, input),
    analytics.suggestQueries({ prefix: input.q, since, limit: input.limit }),
  ])
  return {
    products,
    categories: await categoriesByHandle(container, categories),
    suggestions,
  }
}
