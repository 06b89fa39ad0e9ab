import { spawn } from "child_process"
import { join } from "path"
import type { MigrateCommand } from "./args"

type Output = { write(text: string): unknown }

/** The project root (this file is src/modules/legacy-migration/cli). */
const ROOT = join(__dirname, "..", "..", "..", "..")

/** Where `medusa exec` finds the stage-2 script, from the project root. */
export const STAGE_2_SCRIPT = "./src/scripts/legacy-stage-2.ts"

/**
 * The environment that hands `command` to the stage-2 script: `medusa exec`
 * refuses options it does not know, and a URL with a password stays out of
 * the process list.
 */
export function stage2Env(command: MigrateCommand): NodeJS.ProcessEnv {
  return {
    LEGACY_MYSQL_URL: command.mysqlUrl,
    LEGACY_STAGE_2_BATCH_SIZE: String(command.batchSize),
  }
}

/**
 * Stage 2 needs the Medusa app (its modules, workflows and database): runs
 * the stage-2 script under `medusa exec` from the project root, passing its
 * output through, and answers its exit code.
 */
export function runStage2InMedusa(
  command: MigrateCommand,
  io: { stdout: Output; stderr: Output; env: NodeJS.ProcessEnv }
): Promise<number> {
  const cli = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
  const child = spawn(process.execPath, [cli, "exec", STAGE_2_SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, ...io.env, ...stage2Env(command) },
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout.on("data", (chunk: Buffer) => io.stdout.write(chunk.toString()))
  child.stderr.on("data", (chunk: Buffer) => io.stderr.write(chunk.toString()))
  return new Promise((resolve, reject) => {
    child.on("error", reject)
    child.on("close", (code) => resolve(code ?? 1))
  })
}
