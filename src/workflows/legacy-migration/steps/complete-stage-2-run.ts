import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeStage2Run } from "../../../modules/legacy-migration/stage-2/run-record"
import type { MigrateLegacyToMedusaReport } from "../../../modules/legacy-migration/stage-2/types"

export const completeStage2RunStepId = "legacy-migration-stage-2-complete-run"

/** Marks the recorded run completed with its report, the last thing it does. */
export const completeStage2RunStep = createStep(
  completeStage2RunStepId,
  async (
    {
      mysql_url,
      report,
    }: { mysql_url?: string; report: MigrateLegacyToMedusaReport },
    { transactionId }
  ) => {
    await completeStage2Run(mysql_url, transactionId, report)
    return new StepResponse(report)
  }
)
