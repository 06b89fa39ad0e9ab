import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { boardRunView } from "../../../../modules/legacy-migration/run/admin-view"
import { listAdminRuns } from "../../../../modules/legacy-migration/run/read-admin-runs"
import { respondStarted } from "../utils/respond-started"
import { startMigrationInBackground } from "./start-in-background"
import type {
  AdminListLegacyMigrationRunsType,
  AdminStartLegacyMigrationType,
} from "./validators"

/**
 * Starts a legacy migration (a dry run or a real one) in the background and
 * answers 202 with the run; follow it on `GET /admin/legacy-migration/runs/:id`.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminStartLegacyMigrationType>,
  res: MedusaResponse
) => {
  const { source, dry_run, stage } = req.validatedBody
  if (stage === 2) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Stage 2 (MySQL to Medusa) starts with POST /admin/legacy-migration/stage-2/runs"
    )
  }
  await respondStarted(res, async () => {
    const run = await startMigrationInBackground(req.scope, {
      source,
      dryRun: dry_run,
    })
    return { run: boardRunView(run) }
  })
}

/** Migration runs, newest first, with their progress or report. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListLegacyMigrationRunsType>,
  res: MedusaResponse
) => {
  const { limit, offset } = req.validatedQuery
  const { runs, count } = await listAdminRuns({ limit, offset })
  res.json({ runs, count, limit, offset })
}
