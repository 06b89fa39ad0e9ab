import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { errorMessage } from "../../../../../modules/legacy-migration/deploy/errors"
import {
  finishStage2BoardRun,
  openStage2BoardRun,
  type Stage2BoardRun,
} from "../../../../../modules/legacy-migration/stage-2/board"
import { acquireStage2Lock } from "../../../../../modules/legacy-migration/stage-2/lock"
import { checkStage2CanStart } from "../../../../../modules/legacy-migration/stage-2/preflight"
import type { MigrateLegacyToMedusaInput } from "../../../../../modules/legacy-migration/stage-2/types"
import { migrateLegacyToMedusaWorkflow } from "../../../../../workflows/legacy-migration/migrate-legacy-to-medusa"

/**
 * Takes the stage-2 lock (a CONFLICT when another run holds it), checks the
 * configuration (INVALID_DATA, lock given back), then runs
 * `migrate-legacy-to-medusa` without waiting for it and answers the run.
 * The lock is held until the workflow ends, however it ends.
 */
export async function startStage2InBackground(
  scope: MedusaContainer,
  input: MigrateLegacyToMedusaInput
): Promise<Stage2BoardRun> {
  const lock = await acquireStage2Lock(scope)
  let run: Stage2BoardRun
  try {
    const totals = await checkStage2CanStart(scope, input)
    run = openStage2BoardRun(`legacy-stage-2-${randomUUID()}`, totals)
  } catch (error) {
    await lock.release()
    throw error
  }
  const logger = scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  migrateLegacyToMedusaWorkflow(scope)
    .run({ input, context: { transactionId: run.id }, throwOnError: false })
    .then(({ result, errors }) =>
      finishStage2BoardRun(
        run.id,
        errors.length
          ? { error: errorMessage(errors[0].error).split("\n")[0] }
          : { report: result }
      )
    )
    .catch((error) =>
      finishStage2BoardRun(run.id, { error: errorMessage(error) })
    )
    .then(() => lock.release())
    .catch((error) => logger.error(`Legacy stage 2: ${errorMessage(error)}`))
  return run
}
