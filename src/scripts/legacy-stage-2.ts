import type { ExecArgs } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { errorMessage } from "../modules/legacy-migration/deploy/errors"
import { stage2RunView } from "../modules/legacy-migration/stage-2/admin-view"
import {
  parseStage2Args,
  STAGE_2_BUSY_EXIT,
  STAGE_2_MISMATCH,
} from "../modules/legacy-migration/stage-2/args"
import { openStage2BoardRun } from "../modules/legacy-migration/stage-2/board"
import { withStage2Lock } from "../modules/legacy-migration/stage-2/lock"
import { checkStage2CanStart } from "../modules/legacy-migration/stage-2/preflight"
import { stage2ProgressLine } from "../modules/legacy-migration/stage-2/progress-line"
import type { MigrateLegacyToMedusaInput } from "../modules/legacy-migration/stage-2/types"
import { migrateLegacyToMedusaWorkflow } from "../workflows/legacy-migration/migrate-legacy-to-medusa"

/** How often the progress line is printed. */
const PROGRESS_EVERY_MS = 5000

async function runWithProgress(
  container: ExecArgs["container"],
  input: MigrateLegacyToMedusaInput
) {
  const totals = await checkStage2CanStart(container, input)
  const run = openStage2BoardRun(`legacy-stage-2-${randomUUID()}`, totals)
  const print = () =>
    process.stderr.write(`${stage2ProgressLine(stage2RunView(run))}\n`)
  const timer = setInterval(print, PROGRESS_EVERY_MS)
  try {
    return await migrateLegacyToMedusaWorkflow(container).run({
      input,
      context: { transactionId: run.id },
      throwOnError: false,
    })
  } finally {
    clearInterval(timer)
    print()
  }
}

/**
 * `npm run migrate:legacy -- --stage 2 --mysql <url>` runs this inside the
 * Medusa app (`medusa exec`): stage 2 of the legacy migration, one run at a
 * time across every process sharing the store, with a progress line on
 * stderr every few seconds. The JSON report goes to stdout; the exit code is
 * 0 when Medusa agrees with MySQL, 3 when it does not, 4 when another
 * stage-2 run is under way, 1 on any other failure (one line on stderr).
 */
export default async function legacyStage2({ container, args }: ExecArgs) {
  const fail = (message: string, code: number) => {
    process.stderr.write(`[klelite] ${message.split("\n")[0]}\n`)
    process.exitCode = code
  }
  let input
  try {
    input = parseStage2Args(args)
  } catch (error) {
    return fail(errorMessage(error), 1)
  }
  let outcome
  try {
    outcome = await withStage2Lock(container, () =>
      runWithProgress(container, input)
    )
  } catch (error) {
    const busy =
      MedusaError.isMedusaError(error) &&
      error.type === MedusaError.Types.CONFLICT
    return busy
      ? fail(errorMessage(error), STAGE_2_BUSY_EXIT)
      : fail(`Legacy stage 2 failed: ${errorMessage(error)}`, 1)
  }
  const error = outcome.errors?.[0]?.error
  if (error) {
    const message = errorMessage(error)
    return fail(
      `Legacy stage 2 failed: ${message}`,
      message.includes(STAGE_2_MISMATCH) ? 3 : 1
    )
  }
  process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`)
}
