/** A query the storefront may suggest, and how often it was searched. */
export type PopularQuery = { query: string; searches: number }

/**
 * How many of the most searched queries are kept for completion. A query
 * outside them is too rare to be worth suggesting to other shoppers.
 */
export const POPULAR_QUERY_LIMIT = 5000

/**
 * The first `limit` queries of `popular` (most searched first) that start
 * with `prefix`, in that order.
 */
export function completeQuery(
  popular: PopularQuery[],
  prefix: string,
  limit: number
): string[] {
  const found: string[] = []
  for (const { query } of popular) {
    if (found.length >= limit) {
      break
    }
    if (query.startsWith(prefix)) {
      found.push(query)
    }
  }
  return found
}
