import { parseArgs } from "util"
import type { SourceSpec } from "../run/connections"

export const USAGE = `Usage: npm run migrate:legacy -- (--dump <dir> | --mongo <uri>) [--mysql <url>]
  [--dry-run] [--stage 1] [--restart] [--batch-size N] [--db klelite] [--progress-every N]
  [--connect-timeout MS]
       npm run migrate:legacy -- --stage 2 [--mysql <url>] [--batch-size N]
  Stage 1: MongoDB into MySQL. Stage 2: MySQL into Medusa (runs in the Medusa app).
  --mysql defaults to LEGACY_MYSQL_URL, --mongo to LEGACY_MONGO_URL.`

/** What `migrate:legacy` was asked to do. */
export type MigrateCommand = {
  stage: 1 | 2
  source: SourceSpec
  mysqlUrl: string | undefined
  dryRun: boolean
  restart: boolean
  batchSize: number
  /** Without a terminal, a progress line every this many documents. */
  progressEvery: number
}

/** Thrown for a command line that cannot run; the CLI prints it and exits 1. */
export class UsageError extends Error {}

function positive(value: string | undefined, fallback: number, flag: string) {
  if (value === undefined) {
    return fallback
  }
  const parsed = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
    throw new UsageError(
      `--${flag} must be a whole number above 0, got "${value}"`
    )
  }
  return parsed
}

/** Reads the flags (and the LEGACY_* variables behind them). */
export function parseMigrateArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env
): MigrateCommand | "help" {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        dump: { type: "string" },
        mongo: { type: "string" },
        mysql: { type: "string" },
        db: { type: "string", default: "klelite" },
        "dry-run": { type: "boolean", default: false },
        restart: { type: "boolean", default: false },
        stage: { type: "string", default: "1" },
        "batch-size": { type: "string" },
        "progress-every": { type: "string" },
        "connect-timeout": { type: "string" },
        help: { type: "boolean", default: false },
      },
    }).values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    return "help"
  }
  if (values.stage !== "1" && values.stage !== "2") {
    throw new UsageError(`--stage must be 1 or 2, got "${values.stage}"`)
  }
  if (values.stage === "2" && values["dry-run"]) {
    throw new UsageError(
      "--dry-run is for stage 1; stage 2 reports what it did, and a second run creates nothing"
    )
  }
  const mongo = values.mongo ?? (values.dump ? undefined : env.LEGACY_MONGO_URL)
  if (values.dump && values.mongo) {
    throw new UsageError("Give --dump or --mongo, not both")
  }
  const database = values.db
  const timeoutMs = positive(values["connect-timeout"], 5000, "connect-timeout")
  const source: SourceSpec | null = values.dump
    ? { kind: "dump", path: values.dump, database }
    : mongo
      ? { kind: "mongo", uri: mongo, database, timeoutMs }
      : null
  if (!source && values.stage === "1") {
    throw new UsageError(
      "No source: pass --dump <mongodump dir> or --mongo <uri> (or set LEGACY_MONGO_URL)"
    )
  }
  return {
    stage: values.stage === "2" ? 2 : 1,
    source: source ?? { kind: "dump", path: "" },
    mysqlUrl: values.mysql ?? env.LEGACY_MYSQL_URL,
    dryRun: values["dry-run"],
    restart: values.restart,
    // Stage 2 hands each batch to Medusa's workflows: smaller ones.
    batchSize: positive(
      values["batch-size"],
      values.stage === "2" ? 100 : 2000,
      "batch-size"
    ),
    progressEvery: positive(
      values["progress-every"],
      100_000,
      "progress-every"
    ),
  }
}
