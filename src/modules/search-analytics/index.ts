import { Module } from "@medusajs/framework/utils"
import SearchAnalyticsModuleService from "./service"

/** Container key of the search analytics module. */
export const SEARCH_ANALYTICS_MODULE = "searchAnalytics"

/** The search analytics module definition, for `medusa-config.ts`. */
export default Module(SEARCH_ANALYTICS_MODULE, {
  service: SearchAnalyticsModuleService,
})

export { SearchAnalyticsModuleService }
export * from "./types"
export { SearchAnalyticsEvents } from "./events"
