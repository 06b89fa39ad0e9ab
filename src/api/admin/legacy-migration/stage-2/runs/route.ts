import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { stage2RunView } from "../../../../../modules/legacy-migration/stage-2/admin-view"
import { listStage2Runs } from "../../../../../modules/legacy-migration/stage-2/stored-runs"
import { respondStarted } from "../../utils/respond-started"
import { startStage2InBackground } from "./start-stage-2"
import type {
  AdminListLegacyStage2RunsType,
  AdminStartLegacyStage2Type,
} from "./validators"

/**
 * Starts stage 2 (MySQL into Medusa) in the background and answers 202
 * with the run; 409 while another stage-2 run (admin or CLI) is under way.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminStartLegacyStage2Type>,
  res: MedusaResponse
) => {
  await respondStarted(res, async () => {
    const run = await startStage2InBackground(req.scope, req.validatedBody)
    return { run: stage2RunView(run) }
  })
}

/**
 * Stage-2 runs recorded in MySQL (started from any server or the CLI),
 * newest first, and whether a run recorded elsewhere holds the stage-2 lock.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListLegacyStage2RunsType>,
  res: MedusaResponse
) => {
  const { limit, offset } = req.validatedQuery
  const { runs, count, runningElsewhere } = await listStage2Runs(req.scope, {
    limit,
    offset,
  })
  res.json({
    runs: runs.map(stage2RunView),
    count,
    limit,
    offset,
    running_elsewhere: runningElsewhere,
  })
}
