import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  withMigration,
  type MigrationRequest,
} from "../../../modules/legacy-migration/run/context"
import { verifyMigrationRun } from "../../../modules/legacy-migration/run/migrate"
import type { RunState } from "../../../modules/legacy-migration/run/runs"
import type { AttemptStats } from "../../../modules/legacy-migration/run/verify"
import type { LegacyCollection } from "../../../modules/legacy-migration/types"

export const verifyMigrationStepId = "legacy-migration-verify"

/**
 * Compares the source sums with the target's and completes the run with
 * its report. A disagreement is reported (`ok: false`), not thrown.
 */
export const verifyMigrationStep = createStep(
  verifyMigrationStepId,
  async ({
    request,
    run,
    stats,
  }: {
    request: MigrationRequest
    run: RunState
    stats: Record<LegacyCollection, AttemptStats>
  }) => {
    const report = await withMigration(request, (options) =>
      verifyMigrationRun(options, run, stats)
    )
    return new StepResponse(report)
  }
)
