// Raw statements of the search analytics service. Counters change only in
// the upsert's `SET x = x + EXCLUDED.x`, so concurrent searches never lose a
// count.

const TODAY = `date_trunc('day', now(), 'UTC')`

/** One `(?, ?, day, ?, ?, ?)` row per query, in the order of the params. */
export function upsertQueryStats(rows: number): string {
  const values = Array.from(
    { length: rows },
    () => `(?, ?, ${TODAY}, ?, ?, ?)`
  ).join(", ")
  return `
INSERT INTO search_query_stat
  (id, query, day, searches, no_result_searches, last_result_count)
VALUES ${values}
ON CONFLICT (query, day) DO UPDATE SET
  searches = search_query_stat.searches + EXCLUDED.searches,
  no_result_searches =
    search_query_stat.no_result_searches + EXCLUDED.no_result_searches,
  last_result_count = EXCLUDED.last_result_count,
  deleted_at = NULL,
  updated_at = now()
RETURNING query, day`
}

/** Params: searches, no_result_searches, query, day. */
export const SUBTRACT_QUERY_STAT = `
UPDATE search_query_stat
SET searches = GREATEST(searches - ?, 0),
    no_result_searches = GREATEST(no_result_searches - ?, 0),
    updated_at = now()
WHERE query = ? AND day = ?`

const TOTALS = `
SELECT query,
  SUM(searches)::int AS searches,
  SUM(no_result_searches)::int AS no_result_searches,
  (array_agg(last_result_count ORDER BY day DESC))[1] AS last_result_count,
  MAX(updated_at) AS last_searched_at
FROM search_query_stat
WHERE day >= ? AND deleted_at IS NULL
GROUP BY query`

/** Params: since, limit. Most searched first. */
export const TOP_QUERIES = `${TOTALS}
HAVING SUM(searches) > 0
ORDER BY searches DESC, query ASC
LIMIT ?`

/** Params: since, limit. Most often without results first. */
export const NO_RESULT_QUERIES = `${TOTALS}
HAVING SUM(no_result_searches) > 0
ORDER BY no_result_searches DESC, query ASC
LIMIT ?`

/**
 * Params: since, limit. The most searched queries that last found
 * something, most searched first.
 */
export const POPULAR_QUERIES = `
SELECT query, SUM(searches)::int AS searches
FROM search_query_stat
WHERE day >= ? AND deleted_at IS NULL
GROUP BY query
HAVING (array_agg(last_result_count ORDER BY day DESC))[1] > 0
ORDER BY SUM(searches) DESC, query ASC
LIMIT ?`
