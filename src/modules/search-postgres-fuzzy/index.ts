import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { FuzzyPostgresSearchService } from "./service"

/** The fuzzy PostgreSQL search provider, for the Search Module's `providers`. */
export default ModuleProvider(Modules.SEARCH, {
  services: [FuzzyPostgresSearchService],
})

export { FuzzyPostgresSearchService }
export type { FuzzyPostgresSearchOptions } from "./types"
