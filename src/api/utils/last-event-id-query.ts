import { z } from "@medusajs/framework/zod"

const eventId = (name: string) =>
  z
    .string()
    .regex(
      /^\d{1,16}-\d{1,16}$/,
      `${name} must be an event id such as 1718000000000-0`
    )

/**
 * The query fields of an event stream that name the last event a client
 * saw: `last_event_id`, and `lastEventId`, which EventSource polyfills that
 * can send headers (a storefront's publishable key) add on reconnecting.
 */
export const lastEventIdQuery = {
  last_event_id: eventId("last_event_id").optional(),
  lastEventId: eventId("lastEventId").optional(),
}

/** The last event id a stream's query names, if any. */
export function queriedLastEventId(query: {
  last_event_id?: string
  lastEventId?: string
}): string | undefined {
  return query.last_event_id ?? query.lastEventId
}
