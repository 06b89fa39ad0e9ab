import type { ExecArgs } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { errorMessage } from "../modules/legacy-migration/deploy/errors"
import {
  parseStage2Args,
  STAGE_2_BUSY_EXIT,
  STAGE_2_MISMATCH,
} from "../modules/legacy-migration/stage-2/args"
import { withStage2Lock } from "../modules/legacy-migration/stage-2/lock"
import { migrateLegacyToMedusaWorkflow } from "../workflows/legacy-migration/migrate-legacy-to-medusa"

/**
 * `npm run migrate:legacy -- --stage 2 --mysql <url>` runs this inside the
 * Medusa app (`medusa exec`): stage 2 of the legacy migration, one run at a
 * time across every process sharing the store. The JSON report goes to
 * stdout; the exit code is 0 when Medusa agrees with MySQL, 3 when it does
 * not, 4 when another stage-2 run is under way, 1 on any other failure (one
 * line on stderr).
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
      migrateLegacyToMedusaWorkflow(container).run({
        input,
        throwOnError: false,
      })
    )
  } catch (error) {
    const busy =
      MedusaError.isMedusaError(error) &&
      error.type === MedusaError.Types.CONFLICT
    return fail(errorMessage(error), busy ? STAGE_2_BUSY_EXIT : 1)
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
