import { Modules } from "@medusajs/framework/utils"

/** The environment variables that configure search. */
export type SearchEnv = {
  MEILISEARCH_HOST?: string
  MEILISEARCH_API_KEY?: string
  SEARCH_FUZZY?: string
}

/**
 * The search modules: the Search Module (below) and the anonymous query
 * statistics behind autocomplete suggestions and the admin's query report.
 */
export function searchModules(env: SearchEnv) {
  return [searchModule(env), { resolve: "./src/modules/search-analytics" }]
}

/**
 * The Search Module with our providers: the fuzzy PostgreSQL one by default,
 * Meilisearch when `MEILISEARCH_HOST` is set. The stock PostgreSQL provider
 * stays registered: its migration sets up the extensions and catalog ours
 * builds on, and a provider switch can still drop its old indexes.
 */
export function searchModule(env: SearchEnv) {
  const meilisearch = env.MEILISEARCH_HOST
    ? [
        {
          resolve: "./src/modules/search-meilisearch",
          id: "meilisearch",
          options: {
            host: env.MEILISEARCH_HOST,
            api_key: env.MEILISEARCH_API_KEY,
          },
        },
      ]
    : []
  return {
    key: Modules.SEARCH,
    resolve: "@medusajs/medusa/search",
    options: {
      // Rebuilds write a seed page in one upsert instead of the default 100.
      reindex: { batch_size: 1000 },
      providers: [
        { resolve: "@medusajs/medusa/search-postgres", id: "postgres" },
        {
          resolve: "./src/modules/search-postgres-fuzzy",
          id: "fuzzy",
          options: { fuzzy: env.SEARCH_FUZZY !== "false" },
        },
        ...meilisearch,
      ],
      default_provider: env.MEILISEARCH_HOST
        ? "search-meilisearch"
        : "search-postgres-fuzzy",
    },
  }
}
