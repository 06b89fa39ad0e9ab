import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  withMigration,
  type MigrationRequest,
} from "../../../modules/legacy-migration/run/context"
import {
  beginMigrationRun,
  failMigrationRun,
} from "../../../modules/legacy-migration/run/migrate"
import type { RunState } from "../../../modules/legacy-migration/run/runs"

export const startMigrationRunStepId = "legacy-migration-start-run"

/**
 * Starts a migration run, or resumes the one an interrupted migration left.
 * The compensation marks the run failed, which keeps it resumable: rows
 * already migrated stay, and the next run continues after its checkpoints.
 */
export const startMigrationRunStep = createStep(
  startMigrationRunStepId,
  async (request: MigrationRequest) => {
    const run = await withMigration(request, beginMigrationRun)
    return new StepResponse(run, { request, run })
  },
  async (started) => {
    if (!started || started.run.dryRun) {
      return
    }
    await withMigration(started.request, (options) =>
      failMigrationRun(options, started.run)
    )
  }
)

export type { RunState }
