import {
  configureStoreSearch,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { AdminRebuildSearchIndex } from "./admin/search/indexes/[name]/rebuild/validators"
import { AdminSearchQueries } from "./admin/search/queries/validators"
import { reindexRelinkedProducts } from "./admin/search/relinked-products"
import { StoreSearchAutocomplete } from "./store/search/autocomplete/validators"
import { limitSearchQueryLength } from "./store/search/guards"
import { logStoreSearches } from "./store/search/query-log"

/**
 * Store search: the product index on Medusa's `POST /store/search`, with a
 * query length limit and anonymous query counting, plus autocomplete.
 */
export const searchStoreMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/search",
    methods: ["POST"],
    middlewares: [
      configureStoreSearch({ allowed_indexes: { product: true } }),
      limitSearchQueryLength(),
      logStoreSearches(),
    ],
  },
  {
    matcher: "/store/search/autocomplete",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreSearchAutocomplete, {})],
  },
]

/**
 * Admin search routes, and the batch link routes whose products are
 * reindexed once they answer. Medusa authenticates every `/admin` route as a
 * user (session, bearer or secret API key) itself.
 */
export const searchAdminMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/search/queries",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminSearchQueries, {})],
  },
  {
    matcher: "/admin/search/indexes/:name/rebuild",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminRebuildSearchIndex)],
  },
  ...[
    "/admin/sales-channels/:id/products",
    "/admin/product-categories/:id/products",
    "/admin/collections/:id/products",
  ].map((matcher): MiddlewareRoute => ({
    matcher,
    methods: ["POST"],
    middlewares: [reindexRelinkedProducts()],
  })),
]
