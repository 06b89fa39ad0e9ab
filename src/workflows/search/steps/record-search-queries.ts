import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  SEARCH_ANALYTICS_MODULE,
  type RecordedSearchQuery,
  type SearchAnalyticsModuleService,
  type SearchQueryEntry,
} from "../../../modules/search-analytics"

export const recordSearchQueriesStepId = "search-record-queries"

/** Counts storefront searches; the compensation takes the counts back. */
export const recordSearchQueriesStep = createStep(
  recordSearchQueriesStepId,
  async (entries: SearchQueryEntry[], { container }) => {
    if (!entries.length) {
      return new StepResponse([] as RecordedSearchQuery[], [])
    }
    const analytics = container.resolve<SearchAnalyticsModuleService>(
      SEARCH_ANALYTICS_MODULE
    )
    const recorded = await analytics.recordQueries(entries)
    return new StepResponse(recorded, recorded)
  },
  async (recorded, { container }) => {
    if (!recorded?.length) {
      return
    }
    await container
      .resolve<SearchAnalyticsModuleService>(SEARCH_ANALYTICS_MODULE)
      .subtractQueries(recorded)
  }
)
