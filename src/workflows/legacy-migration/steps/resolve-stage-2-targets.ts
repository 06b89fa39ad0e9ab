import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withLegacyMysql } from "../../../modules/legacy-migration/stage-2/mysql"
import { withFailureRecorded } from "../../../modules/legacy-migration/stage-2/run-record"
import { resolveStage2Targets } from "../../../modules/legacy-migration/stage-2/targets"
import type { MigrateLegacyToMedusaInput } from "../../../modules/legacy-migration/stage-2/types"

export const resolveStage2TargetsStepId = "legacy-migration-stage-2-targets"

/**
 * Checks the stage-1 database answers and resolves where stage 2 puts
 * things (currency, sales channel, stock location, shipping profile), so a
 * misconfiguration stops the run before anything is created.
 */
export const resolveStage2TargetsStep = createStep(
  resolveStage2TargetsStepId,
  async (input: MigrateLegacyToMedusaInput, { container, transactionId }) => {
    const targets = await withFailureRecorded(
      input.mysql_url,
      transactionId,
      async () => {
        await withLegacyMysql(input.mysql_url, async () => undefined)
        return await resolveStage2Targets(container, input)
      }
    )
    return new StepResponse({ targets, started_at: Date.now() })
  }
)
