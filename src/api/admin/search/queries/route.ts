import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  SEARCH_ANALYTICS_MODULE,
  type SearchAnalyticsModuleService,
} from "../../../../modules/search-analytics"
import type { AdminSearchQueriesType } from "./validators"

/** The storefront's most searched queries and those that found nothing. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminSearchQueriesType>,
  res: MedusaResponse
) => {
  const { days, limit } = req.validatedQuery
  const analytics = req.scope.resolve<SearchAnalyticsModuleService>(
    SEARCH_ANALYTICS_MODULE
  )
  const since = new Date(Date.now() - days * 86_400_000)
  const [top, noResults] = await Promise.all([
    analytics.listQueryTotals({ since, limit, ranking: "top" }),
    analytics.listQueryTotals({ since, limit, ranking: "no_results" }),
  ])
  res.json({ since, top_queries: top, no_result_queries: noResults })
}
