import type { SearchTypes } from "@medusajs/framework/types"
import { defineSearchIndex, graphSeed, search } from "@medusajs/framework/utils"
import type { Query } from "./_graph"
import { productConsume } from "./_product-consume"
import { PRODUCT_INDEX_EVENTS } from "./_product-events"
import { readProductPage } from "./_product-read"
import { PRODUCT_FIELDS, type ProductBaseRow } from "./_product-rows"
import {
  loadCatalogueTaxonomy,
  loadProductTaxonomy,
  type ProductTaxonomy,
} from "./_product-taxonomy"
import { PRODUCT_SYNONYMS } from "./_synonyms"

const priceField = () =>
  search
    .float()
    .filterable()
    .sortable()
    .facetable({ types: ["range", "stats"] })

/**
 * The fields of the product index and what each one can do. The searchable
 * fields weighing more than the default are a product's names, which
 * autocomplete matches first (`PRODUCT_NAME_FIELDS`).
 */
export const productSearchFields = search.define({
  id: search.keyword().filterable(),
  title: search.text().searchable({ weight: 3 }).sortable(),
  subtitle: search.text().searchable({ weight: 2 }),
  description: search.text().searchable(),
  handle: search.keyword().searchable().filterable(),
  status: search.keyword().filterable(),
  thumbnail: search.keyword(),
  sales_channel_ids: search.keyword().array().filterable(),
  category_names: search.text().array().searchable({ weight: 2 }),
  categories: search.keyword().array().filterable().facetable(),
  category_lvl0: search.keyword().array().filterable().facetable(),
  category_lvl1: search.keyword().array().filterable().facetable(),
  collection: search.keyword().filterable().facetable(),
  collection_title: search.text().searchable(),
  dietary: search.keyword().array().searchable().filterable().facetable(),
  allergens: search.keyword().array().searchable().filterable().facetable(),
  options: search.text().array().searchable(),
  skus: search.keyword().array().searchable().filterable(),
  price_eur: priceField(),
  price_usd: priceField(),
  in_stock: search.boolean().filterable().facetable(),
  created_at: search.date().filterable().sortable(),
  units_sold: search.integer().filterable().sortable(),
  rating: search.float().sortable(),
  on_flash_sale: search.boolean().filterable().facetable(),
})

/** Products read per page by a rebuild: each page costs a fixed number of reads. */
const SEED_PAGE_SIZE = 1000

/** The documents of a page of products, in a fixed number of reads. */
async function productDocuments(
  query: Query,
  rows: ProductBaseRow[],
  taxonomy: ProductTaxonomy | Promise<ProductTaxonomy>
) {
  const products = await readProductPage(query, rows, taxonomy)
  return products.map(({ document }) => document)
}

/**
 * Yields what `pages` yields, reading the next page while the Search Module
 * writes the current one: reads are mostly Node's work, writes PostgreSQL's.
 */
async function* readAhead<T>(pages: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]()
  let next = iterator.next()
  try {
    while (true) {
      const page = await next
      if (page.done) {
        return
      }
      next = iterator.next()
      yield page.value
    }
  } finally {
    // Stopped by a failed write: the page read ahead is no longer wanted.
    next.catch(() => undefined)
  }
}

/** The ids a reindex is scoped to, when its filters name nothing else. */
function scopedIds(filters: SearchTypes.SearchSeedContext["filters"]) {
  const id = filters?.id
  return Object.keys(filters ?? {}).length === 1 &&
    Array.isArray(id) &&
    id.every((value): value is string => typeof value === "string")
    ? [...new Set(id)].sort()
    : undefined
}

/**
 * Seeds a reindex scoped to ids a page of ids at a time. `query.graph` reads
 * an id list as a lookup and drops the page size, so a single seed would
 * read every id in one page and write nothing until all were read.
 */
async function* seedByIdPages(
  context: SearchTypes.SearchSeedContext,
  ids: string[],
  seedPages: (
    context: SearchTypes.SearchSeedContext
  ) => AsyncIterable<SearchTypes.SearchMutation[]>
) {
  for (let start = 0; start < ids.length; start += SEED_PAGE_SIZE) {
    yield* seedPages({
      ...context,
      filters: { id: ids.slice(start, start + SEED_PAGE_SIZE) },
    })
  }
}

/**
 * Rebuilds the catalogue page by page in id order, a page ahead of the writes. A full
 * rebuild reads the whole taxonomy once for all pages; a scoped one
 * (filters, catch-up) reads each page's.
 */
function seed(context: SearchTypes.SearchSeedContext) {
  // Read beside the first page rather than after it.
  const catalogue =
    !context.filters && !context.catchup
      ? loadCatalogueTaxonomy(context.container.query)
      : undefined
  catalogue?.catch(() => undefined)
  const taxonomyOf = (query: Query, rows: ProductBaseRow[]) =>
    catalogue ??
    loadProductTaxonomy(
      query,
      rows.map((row) => row.id)
    )
  const ids = scopedIds(context.filters)
  const seedPages = graphSeed<typeof productSearchFields, ProductBaseRow>({
    fields: PRODUCT_FIELDS,
    // A page of ids is read whole; a batch larger than the page tells
    // graphSeed it was the last, so it does not read again for nothing.
    batch_size: ids ? SEED_PAGE_SIZE + 1 : SEED_PAGE_SIZE,
    // The taxonomy is read beside the page's other reads, not before them.
    transform: async (rows, { container: { query } }) =>
      await productDocuments(query, rows, taxonomyOf(query, rows)),
  })
  return readAhead(
    ids ? seedByIdPages(context, ids, seedPages) : seedPages(context)
  )
}

const engineSettings = { synonyms: PRODUCT_SYNONYMS }

/**
 * The storefront's product index: text, taxonomy, diet and allergens, lowest
 * prices, stock, popularity, flash sales and dates, kept fresh by product,
 * variant, price, stock, taxonomy, order and flash-sale events.
 */
export default defineSearchIndex({
  name: "product",
  entity: "product",
  fields: productSearchFields,
  settings: {
    typo_tolerance: {
      enabled: true,
      min_word_size_for_one_typo: 4,
      min_word_size_for_two_typos: 8,
    },
    provider_options: {
      "search-postgres-fuzzy": engineSettings,
      "search-meilisearch": engineSettings,
    },
  },
  events: PRODUCT_INDEX_EVENTS,
  consume: productConsume(),
  seed,
})
