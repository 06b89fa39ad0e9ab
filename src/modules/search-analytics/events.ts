/** Events about storefront searches. */
export const SearchAnalyticsEvents = {
  /** Storefront searches were answered. Data: `{ queries: SearchQueryEntry[] }`. */
  SEARCHED: "search.searched",
} as const
