import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { Stage2SearchRebuild } from "./types"

/**
 * Rebuilds every search index once, with the swap strategy (the current
 * version answers until the new one is complete), as `npm run
 * search:rebuild` does: stage 2 dropped the per-record events that would
 * have indexed its products one by one.
 */
export async function rebuildSearchIndexes(
  container: MedusaContainer
): Promise<Stage2SearchRebuild> {
  if (!container.hasRegistration(Modules.SEARCH)) {
    return {
      rebuilt: false,
      indexes: [],
      reason: "the Search Module is not configured",
    }
  }
  const search = container.resolve(Modules.SEARCH)
  const { indexes, job_id } = await search.reindex({ strategy: "swap" })
  return { rebuilt: true, indexes, job_id }
}
