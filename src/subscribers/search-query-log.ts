import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  SearchAnalyticsEvents,
  type SearchQueryEntry,
} from "../modules/search-analytics"
import { recordSearchQueriesWorkflow } from "../workflows/search/record-search-queries"

/** Counts the storefront's searches for the admin's query report. */
export default async function searchQueryLog({
  event: { data },
  container,
}: SubscriberArgs<{ queries: SearchQueryEntry[] }>) {
  await recordSearchQueriesWorkflow(container).run({
    input: { queries: data.queries ?? [] },
  })
}

export const config: SubscriberConfig = {
  event: SearchAnalyticsEvents.SEARCHED,
  context: { subscriberId: "search-query-log" },
}
