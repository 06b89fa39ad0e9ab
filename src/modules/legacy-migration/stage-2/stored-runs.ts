import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { Connection } from "mariadb"
import { errorMessage } from "../deploy/errors"
import { configuredTargetUrl } from "../run/read-admin-runs"
import { readTarget, type Page } from "../run/read-runs"
import { isStage2Locked } from "./lock"
import type { Stage2Run } from "./run"

/** A `migration_stage_2_runs` row; JSON columns may come back as text. */
export type Stage2RunRow = {
  id: string
  status: "running" | "completed" | "failed" | "interrupted"
  started_at: Date
  finished_at: Date | null
  totals: string | object
  counts: string | object
  report: string | object | null
  error: string | null
}

const COLUMNS = `id, status, started_at, finished_at, totals, counts, report, error`

const json = <T>(value: string | object): T =>
  (typeof value === "string" ? JSON.parse(value) : value) as T

/**
 * A stored run: one still marked running while nobody holds the stage-2
 * lock was cut off mid-way, and reads as interrupted.
 */
export function runOfRow(row: Stage2RunRow, lockHeld: boolean): Stage2Run {
  return {
    id: row.id,
    status: row.status === "running" && !lockHeld ? "interrupted" : row.status,
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    error: row.error,
    totals: json(row.totals),
    counts: json(row.counts),
    report: row.report === null ? null : json(row.report),
  }
}

/**
 * Reads the runs table of LEGACY_MYSQL_URL with `read`, and whether the
 * stage-2 lock is held. The lock is looked at first and, when free while a
 * row reads running, once more after: a run that took it in between is
 * running, not interrupted.
 */
async function readWithLock<T extends { rows: Stage2RunRow[] }>(
  container: MedusaContainer,
  empty: T,
  read: (connection: Connection) => Promise<T>
): Promise<T & { lockHeld: boolean }> {
  const url = configuredTargetUrl()
  let lockHeld = await isStage2Locked(container)
  const stored = await readTarget(url, empty, read).catch((error) => {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      errorMessage(error)
    )
  })
  if (!lockHeld && stored.rows.some((row) => row.status === "running")) {
    lockHeld = await isStage2Locked(container)
  }
  return { ...stored, lockHeld }
}

/**
 * Stage-2 runs recorded in LEGACY_MYSQL_URL, newest first, as any server
 * sees them, and whether the stage-2 lock is held by a run recorded nowhere
 * here (one starting, or the CLI's on another MySQL database).
 */
export async function listStage2Runs(
  container: MedusaContainer,
  { limit, offset }: Page
): Promise<{ runs: Stage2Run[]; count: number; runningElsewhere: boolean }> {
  const empty = { rows: [] as Stage2RunRow[], count: 0, running: false }
  const stored = await readWithLock(container, empty, async (connection) => {
    const rows: Stage2RunRow[] = await connection.query(
      `SELECT ${COLUMNS} FROM migration_stage_2_runs
       ORDER BY started_at DESC, id LIMIT ? OFFSET ?`,
      [limit, offset]
    )
    const [{ count, running }] = await connection.query(
      `SELECT COUNT(*) AS count, COALESCE(SUM(status = 'running'), 0) AS running
       FROM migration_stage_2_runs`
    )
    return { rows, count: Number(count), running: Number(running) > 0 }
  })
  return {
    runs: stored.rows.map((row) => runOfRow(row, stored.lockHeld)),
    count: stored.count,
    runningElsewhere: stored.lockHeld && !stored.running,
  }
}

/** One recorded stage-2 run, as any server sees it; null when unknown. */
export async function findStage2Run(
  container: MedusaContainer,
  id: string
): Promise<Stage2Run | null> {
  const empty = { rows: [] as Stage2RunRow[] }
  const stored = await readWithLock(container, empty, async (connection) => ({
    rows: await connection.query(
      `SELECT ${COLUMNS} FROM migration_stage_2_runs WHERE id = ?`,
      [id]
    ),
  }))
  const [row] = stored.rows
  return row ? runOfRow(row, stored.lockHeld) : null
}
