import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MeilisearchSearchService } from "./service"

/** The Meilisearch search provider, for the Search Module's `providers`. */
export default ModuleProvider(Modules.SEARCH, {
  services: [MeilisearchSearchService],
})

export { MeilisearchSearchService }
export type { MeilisearchOptions } from "./types"
