/** Options of the Meilisearch search provider. */
export type MeilisearchOptions = {
  /** Base URL of the Meilisearch server, e.g. `http://localhost:7700`. */
  host: string
  /** A key allowed to manage indexes, documents, settings and tasks. */
  api_key?: string
  /** How long a write may stay queued before it counts as failed. @default 30000 */
  task_timeout_ms?: number
  /** How long one HTTP request may take. @default 10000 */
  request_timeout_ms?: number
  /** First interval between two task polls; it doubles up to 500 ms. @default 25 */
  task_poll_interval_ms?: number
}

/** A write Meilisearch accepted: `POST`, `PATCH` and `DELETE` answer this. */
export type MeiliEnqueuedTask = {
  taskUid: number
  indexUid: string | null
  status: string
}

/** A task as `GET /tasks/:uid` describes it. */
export type MeiliTask = {
  uid: number
  indexUid: string | null
  status: "enqueued" | "processing" | "succeeded" | "failed" | "canceled"
  error?: { message: string; code: string } | null
}

/** The body of `POST /indexes/:uid/search` and of one multi-search query. */
export type MeiliSearchParams = {
  indexUid?: string
  q?: string
  filter?: string
  sort?: string[]
  facets?: string[]
  offset?: number
  limit?: number
  page?: number
  hitsPerPage?: number
  attributesToRetrieve?: string[]
  attributesToSearchOn?: string[]
  attributesToHighlight?: string[]
  attributesToCrop?: string[]
  cropLength?: number
  highlightPreTag?: string
  highlightPostTag?: string
  showRankingScore?: boolean
  rankingScoreThreshold?: number
  matchingStrategy?: "last" | "all" | "frequency"
  distinct?: string
  locales?: string[]
}

/** One search's answer. */
export type MeiliSearchResponse = {
  hits: Record<string, unknown>[]
  query?: string
  processingTimeMs?: number
  estimatedTotalHits?: number
  totalHits?: number
  facetDistribution?: Record<string, Record<string, number>>
  facetStats?: Record<string, { min: number; max: number }>
}

/** The settings the provider manages on an index. */
export type MeiliSettings = {
  searchableAttributes: string[]
  filterableAttributes: string[]
  sortableAttributes: string[]
  displayedAttributes: string[]
  synonyms: Record<string, string[]>
  typoTolerance: {
    enabled: boolean
    minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number }
    disableOnAttributes?: string[]
  }
  distinctAttribute: string | null
  faceting: { maxValuesPerFacet: number }
}
