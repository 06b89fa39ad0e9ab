import { runMigrateCli } from "../../cli/main"
import type { MigrationReport } from "../../run/report"

export type CliResult = {
  code: number
  stdout: string
  stderr: string
  report: MigrationReport | null
}

/** Runs `migrate:legacy` in this process with `args`, capturing its output. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {}
): Promise<CliResult> {
  let stdout = ""
  let stderr = ""
  const code = await runMigrateCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  })
  let report: MigrationReport | null = null
  try {
    report = stdout.trim() ? JSON.parse(stdout) : null
  } catch {
    report = null
  }
  return { code, stdout, stderr, report }
}
