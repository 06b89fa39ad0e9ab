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

/**
 * Typeahead for the storefront: the best products for the words typed so far
 * (the last one a prefix, typos tolerated), the categories they fall in, and
 * popular earlier queries that start the same way.
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
  const search = container.resolve(Modules.SEARCH)
  const analytics = container.resolve<SearchAnalyticsModuleService>(
    SEARCH_ANALYTICS_MODULE
  )
  const since = new Date(Date.now() - SUGGESTION_WINDOW_DAYS * 86_400_000)
  const [result, suggestions] = await Promise.all([
    search.search({
      entity: "product",
      fields: AUTOCOMPLETE_PRODUCT_FIELDS,
      filters: {
        q: input.q,
        status: ProductStatus.PUBLISHED,
        sales_channel_ids: input.salesChannelIds,
      },
      pagination: { take: input.limit },
      search_options: {
        match_strategy: "last",
        typo_tolerance: true,
        count: "none",
        facets: [{ field: "categories", limit: CATEGORY_LIMIT }],
      },
    }),
    analytics.suggestQueries({ prefix: input.q, since, limit: input.limit }),
  ])
  const facet = result.facets?.categories
  return {
    query: input.q,
    products: result.hits.map((hit) => hit.document),
    categories: await categoriesByHandle(
      container,
      facet?.type === "value" ? facet.values : []
    ),
    suggestions,
  }
}
