// Statements of the PostgreSQL attempt limiter. Attempt times are epoch
// milliseconds in a JSON array, one row per key.

/**
 * Records one attempt under a key unless the key already has `limit`
 * attempts newer than the window start; older ones are dropped on the way.
 * Returns no row when refused. Params: id, key, now, window start, now,
 * window start, limit.
 */
export const HIT_RATE_LIMIT = `
INSERT INTO flash_sale_rate_limit AS limiter (id, key, hits)
VALUES (?, ?, jsonb_build_array(?::bigint))
ON CONFLICT (key) DO UPDATE
SET hits = (
    SELECT COALESCE(jsonb_agg(hit ORDER BY hit::bigint), '[]'::jsonb)
    FROM jsonb_array_elements(limiter.hits) AS hit
    WHERE hit::bigint > ?::bigint
  ) || jsonb_build_array(?::bigint),
  updated_at = clock_timestamp()
WHERE (
  SELECT count(*) FROM jsonb_array_elements(limiter.hits) AS hit
  WHERE hit::bigint > ?::bigint
) < ?
RETURNING jsonb_array_length(limiter.hits) AS attempts`

/** Oldest attempt of a key inside the window. Params: window start, key. */
export const SELECT_OLDEST_HIT = `
SELECT MIN(hit::bigint) AS oldest
FROM flash_sale_rate_limit, jsonb_array_elements(hits) AS hit
WHERE hit::bigint > ?::bigint AND key = ?`

/** Drops keys with no attempt since a moment. Params: the moment. */
export const PRUNE_RATE_LIMITS = `
DELETE FROM flash_sale_rate_limit WHERE updated_at < ?::timestamptz`
