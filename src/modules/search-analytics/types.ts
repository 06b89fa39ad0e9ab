/** One storefront search to count. */
export type SearchQueryEntry = {
  query: string
  result_count: number
}

/** What one upsert added to a query's day, so it can be taken back. */
export type RecordedSearchQuery = {
  query: string
  day: Date
  searches: number
  no_result_searches: number
}

/** A query's totals over a period. */
export type SearchQueryTotals = {
  query: string
  searches: number
  no_result_searches: number
  last_result_count: number
  last_searched_at: Date
}

/** Which queries `listQueryTotals` ranks. */
export type SearchQueryRanking = "top" | "no_results"
