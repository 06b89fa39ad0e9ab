import { randomUUID } from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../../../../modules/legacy-migration/deploy/errors"
import {
  activeBoardRun,
  boardRunStarted,
  finishBoardRun,
  releaseBoardRun,
  reserveBoardRun,
  type BoardRun,
} from "../../../../modules/legacy-migration/run/admin-board"
import { startFailure } from "../../../../modules/legacy-migration/run/start-failure"
import {
  checkMigrationCanStart,
  sourceSpecOf,
  type AdminSource,
} from "../../../../modules/legacy-migration/run/admin-preflight"
import { migrateLegacyStoreWorkflow } from "../../../../workflows/legacy-migration/migrate-legacy-store"

function alreadyRunning(): MedusaError {
  const active = activeBoardRun()
  const which = active?.runId ? ` (run ${active.runId})` : ""
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `A legacy migration is already running${which}; wait for it to finish`
  )
}

/**
 * Checks the configuration, then runs the `migrate-legacy-store` workflow
 * without waiting for it, and answers once the run has its id (or could not
 * start). One run at a time per server; the board follows its progress.
 */
export async function startMigrationInBackground(
  scope: MedusaContainer,
  { source, dryRun }: { source: AdminSource; dryRun: boolean }
): Promise<BoardRun> {
  const transactionId = `legacy-migration-${randomUUID()}`
  const entry = reserveBoardRun(transactionId, dryRun, "")
  if (!entry) {
    throw alreadyRunning()
  }
  const spec = sourceSpecOf(source)
  try {
    const url = process.env.LEGACY_MYSQL_URL
    entry.source = await checkMigrationCanStart(url, spec, dryRun)
  } catch (error) {
    releaseBoardRun(transactionId)
    throw error
  }
  // What stopped the run, with its type, for a run stopped before it started.
  let failure: unknown
  migrateLegacyStoreWorkflow(scope)
    .run({
      input: { source: spec, dry_run: dryRun },
      context: { transactionId },
      throwOnError: false,
    })
    .then(({ result, errors }) => {
      failure = errors[0]?.error
      finishBoardRun(
        transactionId,
        errors.length
          ? { error: errorMessage(errors[0].error).split("\n")[0] }
          : { report: result }
      )
    })
    .catch((error) => {
      failure = error
      finishBoardRun(transactionId, { error: errorMessage(error) })
    })
  try {
    return await boardRunStarted(transactionId)
  } catch (error) {
    throw startFailure(failure ?? error)
  }
}
