import type { Logger } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STAGE_2_MISMATCH } from "../../../modules/legacy-migration/stage-2/args"
import {
  mismatches,
  stage2Report,
} from "../../../modules/legacy-migration/stage-2/report"
import { noteStage2Failure } from "../../../modules/legacy-migration/stage-2/run-record"
import type {
  Stage2Counts,
  Stage2SearchRebuild,
} from "../../../modules/legacy-migration/stage-2/types"

export const verifyStage2StepId = "legacy-migration-stage-2-verify"

/**
 * Builds the stage-2 report and fails the run, loudly, when Medusa does not
 * hold every MySQL record that was not skipped (the report is logged first).
 */
export const verifyStage2Step = createStep(
  verifyStage2StepId,
  async (
    {
      counts,
      search,
      started_at,
      mysql_url,
    }: {
      counts: Stage2Counts
      search: Stage2SearchRebuild
      started_at: number
      mysql_url?: string
    },
    { container, transactionId }
  ) => {
    const report = stage2Report(
      counts,
      search,
      Math.round((Date.now() - started_at) / 100) / 10
    )
    if (!report.ok) {
      const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      logger.error(`Legacy stage 2 report: ${JSON.stringify(report)}`)
      const message = `Legacy stage 2: ${STAGE_2_MISMATCH} (${mismatches(report)}); run stage 2 again to finish an interrupted run`
      await noteStage2Failure(mysql_url, transactionId, message)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, message)
    }
    return new StepResponse(report)
  }
)
