import type { Pool } from "mariadb"
import { deployMigrations } from "../deploy/deploy"
import { errorMessage } from "../deploy/errors"
import { openTargetPool } from "../run/connections"
import type { Stage2Totals } from "./mysql"
import { newStage2Run, type Stage2Run } from "./run"
import type { MigrateLegacyToMedusaReport, Stage2Counts } from "./types"

/** The longest error a run keeps (the column's size). */
const ERROR_LENGTH = 1000

/** The stage-1 database of a stage-2 run: `url`, else LEGACY_MYSQL_URL. */
export function stage2Database(url: string | undefined): string | undefined {
  return url ?? process.env.LEGACY_MYSQL_URL
}

/**
 * Runs `work` on a one-connection pool of the stage-1 database. Unlike
 * `withLegacyMysql` it does not need the legacy tables: a run that failed
 * because one went missing is still recorded as failed.
 */
async function withRunsTable<T>(
  url: string | undefined,
  work: (pool: Pool) => Promise<T>
): Promise<T> {
  const { pool } = await openTargetPool(stage2Database(url), 1)
  try {
    return await work(pool)
  } finally {
    await pool.end()
  }
}

/**
 * Applies one statement to run `id`'s row. A workflow run without a
 * transaction id is not recorded, so there is nothing to update.
 */
async function updateRecordedRun(
  url: string | undefined,
  id: string | undefined,
  sql: string,
  values: unknown[]
): Promise<void> {
  if (!id) {
    return
  }
  await withRunsTable(url, (pool) => pool.query(sql, values))
}

/**
 * Records a run that has just taken the stage-2 lock, in the stage-1
 * database it reads. A database stage 1 migrated before stage-2 runs were
 * recorded gets their table first. A run still marked running belongs to a
 * process that died (the lock is ours): it becomes interrupted. Recording
 * the same id again changes nothing.
 */
export async function openStage2Run(
  url: string | undefined,
  id: string,
  totals: Stage2Totals
): Promise<Stage2Run> {
  const run = newStage2Run(id, totals)
  await deployMigrations({ url: stage2Database(url) })
  await withRunsTable(url, async (pool) => {
    await pool.query(
      `UPDATE migration_stage_2_runs SET status = 'interrupted'
       WHERE status = 'running' AND id <> ?`,
      [id]
    )
    await pool.query(
      `INSERT IGNORE INTO migration_stage_2_runs (id, status, started_at, totals, counts)
       VALUES (?, 'running', ?, ?, '{}')`,
      [id, run.startedAt, JSON.stringify(totals)]
    )
  })
  return run
}

/** Whether run `id` is recorded already (false when it cannot be read). */
export async function isStage2RunRecorded(
  url: string | undefined,
  id: string
): Promise<boolean> {
  try {
    return await withRunsTable(url, async (pool) => {
      const rows = await pool.query(
        `SELECT 1 FROM migration_stage_2_runs WHERE id = ?`,
        [id]
      )
      return rows.length > 0
    })
  } catch {
    return false
  }
}

/**
 * Saves the counters of the entities a page advanced. One statement merging
 * them into the saved ones, so a step's page never rolls back another's.
 */
export async function saveStage2Counts(
  pool: Pool,
  id: string | undefined,
  counts: Stage2Counts
): Promise<void> {
  if (!id) {
    return
  }
  await pool.query(
    `UPDATE migration_stage_2_runs SET counts = JSON_MERGE_PATCH(counts, ?)
     WHERE id = ? AND status = 'running'`,
    [JSON.stringify(counts), id]
  )
}

/** Marks a run completed, with its report. */
export async function completeStage2Run(
  url: string | undefined,
  id: string | undefined,
  report: MigrateLegacyToMedusaReport
): Promise<void> {
  await updateRecordedRun(
    url,
    id,
    `UPDATE migration_stage_2_runs
     SET status = 'completed', finished_at = ?, report = ?, error = NULL
     WHERE id = ?`,
    [new Date(), JSON.stringify(report), id]
  )
}

/**
 * Marks a run failed with why. The first reason recorded stays: the step
 * that failed noted it, the callers who see the error later only repeat it.
 * A completed run stays completed.
 */
export async function failStage2Run(
  url: string | undefined,
  id: string | undefined,
  error: string
): Promise<void> {
  await updateRecordedRun(
    url,
    id,
    `UPDATE migration_stage_2_runs
     SET status = 'failed', finished_at = COALESCE(finished_at, ?),
       error = COALESCE(error, ?)
     WHERE id = ? AND status <> 'completed'`,
    [new Date(), error.slice(0, ERROR_LENGTH), id]
  )
}

/**
 * Notes why a run is stopping, leaving it running: it turns failed once the
 * workflow has undone its steps, just before the stage-2 lock is given back,
 * so the admin does not offer a new run while this one still holds it.
 */
export async function noteStage2Failure(
  url: string | undefined,
  id: string | undefined,
  error: string
): Promise<void> {
  await updateRecordedRun(
    url,
    id,
    `UPDATE migration_stage_2_runs SET error = COALESCE(error, ?)
     WHERE id = ? AND status = 'running'`,
    [error.slice(0, ERROR_LENGTH), id]
  )
}

/** Runs a stage-2 step's work, noting the first line of its error on the run. */
export async function withFailureRecorded<T>(
  url: string | undefined,
  id: string | undefined,
  work: () => Promise<T>
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const reason = errorMessage(error).split("\n")[0]
    await noteStage2Failure(url, id, reason).catch(() => undefined)
    throw error
  }
}
