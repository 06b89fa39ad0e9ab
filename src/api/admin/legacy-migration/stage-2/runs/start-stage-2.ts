import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { errorMessage } from "../../../../../modules/legacy-migration/deploy/errors"
import {
  acquireStage2Lock,
  type Stage2Lock,
} from "../../../../../modules/legacy-migration/stage-2/lock"
import { checkStage2CanStart } from "../../../../../modules/legacy-migration/stage-2/preflight"
import type { Stage2Run } from "../../../../../modules/legacy-migration/stage-2/run"
import {
  failStage2Run,
  openStage2Run,
} from "../../../../../modules/legacy-migration/stage-2/run-record"
import type { MigrateLegacyToMedusaInput } from "../../../../../modules/legacy-migration/stage-2/types"
import { migrateLegacyToMedusaWorkflow } from "../../../../../workflows/legacy-migration/migrate-legacy-to-medusa"

/**
 * Runs the workflow of a recorded run to its end and gives the lock back.
 * The workflow marks a failed run itself while undoing its steps; a failure
 * it could not record (its first step failing) is recorded here.
 */
async function runToEnd(
  scope: MedusaContainer,
  input: MigrateLegacyToMedusaInput,
  run: Stage2Run,
  lock: Stage2Lock
): Promise<void> {
  let failure: string | null = null
  try {
    const { errors } = await migrateLegacyToMedusaWorkflow(scope).run({
      input,
      context: { transactionId: run.id },
      throwOnError: false,
    })
    if (errors.length) {
      failure = errorMessage(errors[0].error).split("\n")[0]
    }
  } catch (error) {
    failure = errorMessage(error)
  } finally {
    await lock.release()
  }
  if (failure) {
    await failStage2Run(input.mysql_url, run.id, failure)
  }
}

/**
 * Takes the stage-2 lock (a CONFLICT when another run holds it), checks the
 * configuration (INVALID_DATA, lock given back), records the run in MySQL,
 * then runs `migrate-legacy-to-medusa` without waiting for it and answers
 * the run. The lock is held until the workflow ends, however it ends.
 */
export async function startStage2InBackground(
  scope: MedusaContainer,
  input: MigrateLegacyToMedusaInput
): Promise<Stage2Run> {
  const lock = await acquireStage2Lock(scope)
  let run: Stage2Run
  try {
    const totals = await checkStage2CanStart(scope, input)
    run = await openStage2Run(
      input.mysql_url,
      `legacy-stage-2-${randomUUID()}`,
      totals
    )
  } catch (error) {
    await lock.release()
    throw error
  }
  const logger = scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  runToEnd(scope, input, run, lock).catch((error) =>
    logger.error(`Legacy stage 2: ${errorMessage(error)}`)
  )
  return run
}
