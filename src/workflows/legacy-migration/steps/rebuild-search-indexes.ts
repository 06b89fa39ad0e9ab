import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withFailureRecorded } from "../../../modules/legacy-migration/stage-2/run-record"
import { rebuildSearchIndexes } from "../../../modules/legacy-migration/stage-2/search"
import type { Stage2SearchRebuild } from "../../../modules/legacy-migration/stage-2/types"

export const rebuildSearchIndexesStepId = "legacy-migration-stage-2-search"

/** One search rebuild for everything stage 2 created (unless turned off). */
export const rebuildSearchIndexesStep = createStep(
  rebuildSearchIndexesStepId,
  async (
    { rebuild, mysql_url }: { rebuild: boolean; mysql_url?: string },
    { container, transactionId }
  ) => {
    const result: Stage2SearchRebuild = rebuild
      ? await withFailureRecorded(mysql_url, transactionId, () =>
          rebuildSearchIndexes(container)
        )
      : {
          rebuilt: false,
          indexes: [],
          reason: "turned off (rebuild_search: false)",
        }
    return new StepResponse(result)
  }
)
