import type { ExecArgs } from "@medusajs/framework/types"

/** The dependency container every seed step receives. */
export type SeedContainer = ExecArgs["container"]

/** A region as reported in the seed summary. */
export type SeededRegion = {
  id: string
  name: string
  currency_code: string
}

/** What one seed run leaves behind, for scripts and tests to build on. */
export type SeedSummary = {
  regions: SeededRegion[]
  salesChannelId: string
  publishableKey: string
  productCount: number
  adminEmail: string
  customerEmail: string
}
