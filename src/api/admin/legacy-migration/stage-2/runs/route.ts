import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { stage2RunView } from "../../../../../modules/legacy-migration/stage-2/admin-view"
import { listStage2BoardRuns } from "../../../../../modules/legacy-migration/stage-2/board"
import { isStage2Locked } from "../../../../../modules/legacy-migration/stage-2/lock"
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
 * Stage-2 runs started from this server, newest first, and whether a run
 * this server does not follow (another server's, or the CLI's) holds the
 * stage-2 lock.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListLegacyStage2RunsType>,
  res: MedusaResponse
) => {
  const { limit, offset } = req.validatedQuery
  const runs = listStage2BoardRuns()
  const here = runs.some((run) => run.status === "running")
  res.json({
    runs: runs.slice(offset, offset + limit).map(stage2RunView),
    count: runs.length,
    limit,
    offset,
    running_elsewhere: !here && (await isStage2Locked(req.scope)),
  })
}
