import type { Pool } from "mariadb"
import { deployMigrations } from "../deploy/deploy"
import { errorMessage } from "../deploy/errors"
import { parseMysqlUrl } from "../deploy/mysql-url"
import {
  checkTargetServer,
  openSource,
  openTargetPool,
} from "../run/connections"
import { migrateLegacyStore } from "../run/migrate"
import type { LegacySource } from "../source/types"
import { STAGE_2_BUSY_EXIT } from "../stage-2/args"
import { parseMigrateArgs, USAGE, UsageError } from "./args"
import { progressPrinter } from "./progress"
import { runStage2InMedusa } from "./stage-2"

type Output = { write(text: string): unknown; isTTY?: boolean }

export type CliIo = {
  stdout: Output
  stderr: Output
  env: NodeJS.ProcessEnv
}

/** Exit codes of `migrate:legacy`. */
export const EXIT = {
  ok: 0,
  failed: 1,
  mismatch: 3,
  /** Stage 2 only: another stage-2 run (admin or CLI) is under way. */
  busy: STAGE_2_BUSY_EXIT,
} as const

/**
 * `npm run migrate:legacy`: stage 1 copies the legacy MongoDB store (a dump
 * or a live server) into MySQL, prints progress on stderr and the JSON report
 * on stdout; stage 2 (`--stage 2`) moves MySQL into Medusa inside the Medusa
 * app. Returns the exit code: 3 when the target disagrees with the source,
 * 4 when another stage-2 run is under way.
 */
export async function runMigrateCli(
  argv: string[],
  io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }
): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`[klelite] ${message.split("\n")[0]}\n`)
    return EXIT.failed
  }
  let source: LegacySource | null = null
  let pool: Pool | null = null
  try {
    const command = parseMigrateArgs(argv, io.env)
    if (command === "help") {
      io.stdout.write(`${USAGE}\n`)
      return EXIT.ok
    }
    if (command.stage === 2) {
      const target = await checkTargetServer(command.mysqlUrl)
      io.stderr.write(
        `Stage 2: moving ${target.database} (${target.host}:${target.port}) into Medusa\n`
      )
      return await runStage2InMedusa(command, io)
    }
    const { database } = parseMysqlUrl(command.mysqlUrl)
    source = await openSource(command.source)
    if (command.dryRun) {
      await checkTargetServer(command.mysqlUrl)
    } else {
      await deployMigrations({
        url: command.mysqlUrl,
        log: (line) => io.stderr.write(`${line}\n`),
      })
      pool = (await openTargetPool(command.mysqlUrl)).pool
    }
    io.stderr.write(
      `${command.dryRun ? "Dry run: checking" : "Migrating"} ${source.label}\n`
    )
    const report = await migrateLegacyStore({
      source,
      pool,
      database,
      dryRun: command.dryRun,
      restart: command.restart,
      batchSize: command.batchSize,
      onProgress: progressPrinter(io.stderr, command.progressEvery),
    })
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    if (!report.ok) {
      io.stderr.write(
        "[klelite] The target disagrees with the source: see the sums marked ok: false\n"
      )
      return EXIT.mismatch
    }
    return EXIT.ok
  } catch (error) {
    if (error instanceof UsageError) {
      return fail(`${error.message} (--help for usage)`)
    }
    return fail(`Legacy migration failed: ${errorMessage(error)}`)
  } finally {
    await source?.close().catch(() => undefined)
    await pool?.end().catch(() => undefined)
  }
}
