import type { ExecArgs } from "@medusajs/framework/types"
import { errorMessage } from "../modules/legacy-migration/deploy/errors"
import {
  parseStage2Args,
  STAGE_2_MISMATCH,
} from "../modules/legacy-migration/stage-2/args"
import { migrateLegacyToMedusaWorkflow } from "../workflows/legacy-migration/migrate-legacy-to-medusa"

/**
 * `npm run migrate:legacy -- --stage 2 --mysql <url>` runs this inside the
 * Medusa app (`medusa exec`): stage 2 of the legacy migration. The JSON
 * report goes to stdout; the exit code is 0 when Medusa agrees with MySQL,
 * 3 when it does not, 1 on any other failure (one line on stderr).
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
  const { result, errors } = await migrateLegacyToMedusaWorkflow(container).run(
    { input, throwOnError: false }
  )
  const error = errors?.[0]?.error
  if (error) {
    const message = errorMessage(error)
    return fail(
      `Legacy stage 2 failed: ${message}`,
      message.includes(STAGE_2_MISMATCH) ? 3 : 1
    )
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
}
