import type { SearchTypes } from "@medusajs/framework/types"
import {
  defineSearchIndex,
  graphConsume,
  graphSeed,
  search,
} from "@medusajs/framework/utils"
import {
  PRODUCT_GRAPH_FIELDS,
  toProductDocument,
  type ProductRow,
} from "./_product-document"
import {
  isProductDelete,
  PRODUCT_INDEX_EVENTS,
  resolveProductIds,
} from "./_product-events"
import { loadProductSignals } from "./_product-signals"
import { PRODUCT_SYNONYMS } from "./_synonyms"

const priceField = () =>
  search
    .float()
    .filterable()
    .sortable()
    .facetable({ types: ["range", "stats"] })

/** The fields of the product index and what each one can do. */
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

const source = {
  fields: PRODUCT_GRAPH_FIELDS,
  transform: async (
    rows: ProductRow[],
    context: SearchTypes.SearchIngestionContext
  ) => {
    const signals = await loadProductSignals(context.container.query, rows)
    return rows.map((row) => toProductDocument(row, signals))
  },
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
  consume: graphConsume<typeof productSearchFields, ProductRow>({
    ...source,
    resolve_ids: resolveProductIds,
    is_delete: isProductDelete,
  }),
  // Larger pages than the default 200: a rebuild costs a fixed number of
  // reads and writes per page.
  seed: graphSeed<typeof productSearchFields, ProductRow>({
    ...source,
    batch_size: 500,
  }),
})
