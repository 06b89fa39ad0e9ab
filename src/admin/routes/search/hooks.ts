import { useMutation, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** One query's totals over the chosen period. */
export type SearchQueryRow = {
  query: string
  searches: number
  no_result_searches: number
  last_result_count: number
  last_searched_at: string
}

/** The storefront's top and no-result queries over the last `days` days. */
export function useSearchQueries(days: number) {
  return useQuery({
    queryKey: ["search", "queries", days],
    queryFn: () =>
      sdk.client.fetch<{
        top_queries: SearchQueryRow[]
        no_result_queries: SearchQueryRow[]
      }>("/admin/search/queries", { query: { days, limit: 20 } }),
  })
}

/** Starts a zero-downtime rebuild of a search index. */
export function useRebuildSearchIndex(index: string) {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ job_id: string }>(
        `/admin/search/indexes/${index}/rebuild`,
        { method: "POST", body: {} }
      ),
  })
}
