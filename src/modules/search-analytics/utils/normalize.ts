/** Longest query text that is kept; longer ones are cut. */
export const MAX_LOGGED_QUERY_LENGTH = 200

/** Lower-cased, trimmed and with single spaces: one row per way of asking. */
export function normalizeLoggedQuery(query: string): string {
  return query
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase()
    .slice(0, MAX_LOGGED_QUERY_LENGTH)
}
