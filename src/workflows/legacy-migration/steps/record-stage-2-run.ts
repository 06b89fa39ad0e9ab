import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  readStage2Totals,
  withLegacyMysql,
} from "../../../modules/legacy-migration/stage-2/mysql"
import {
  failStage2Run,
  isStage2RunRecorded,
  openStage2Run,
} from "../../../modules/legacy-migration/stage-2/run-record"
import type { MigrateLegacyToMedusaInput } from "../../../modules/legacy-migration/stage-2/types"

export const recordStage2RunStepId = "legacy-migration-stage-2-record-run"

/** Why a failed run stopped, when no step noted the reason. */
export const STAGE_2_STOPPED =
  "Stage 2 stopped on an error; the log of the server or command line that ran it says which"

/**
 * Records the run (its id is the workflow's transaction id) with what MySQL
 * holds, in the stage-1 database, so every server follows it. Undone by
 * marking the run failed, with the reason a step noted: what it created
 * stays, and the next run finishes it.
 */
export const recordStage2RunStep = createStep(
  recordStage2RunStepId,
  async (input: MigrateLegacyToMedusaInput, { transactionId }) => {
    // The admin records its run before answering; the CLI leaves it here.
    if (
      transactionId &&
      !(await isStage2RunRecorded(input.mysql_url, transactionId))
    ) {
      const totals = await withLegacyMysql(input.mysql_url, readStage2Totals)
      await openStage2Run(input.mysql_url, transactionId, totals)
    }
    return new StepResponse(undefined, {
      url: input.mysql_url,
      id: transactionId,
    })
  },
  async (recorded) => {
    if (!recorded) {
      return
    }
    await failStage2Run(recorded.url, recorded.id, STAGE_2_STOPPED)
  }
)
