import { parseEventId } from "../utils/event-id"

/**
 * The id to replay after: the `Last-Event-ID` header a reconnecting
 * EventSource sends, else the `last_event_id` query of a fresh page.
 * Throws `INVALID_DATA` for a malformed header.
 */
export function lastEventIdOf(
  header: string | string[] | undefined,
  query?: string
): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (value !== undefined && value !== "") {
    return parseEventId(value)
  }
  return query
}
