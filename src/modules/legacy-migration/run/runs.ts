import { MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import type { Pool } from "mariadb"
import type { ResumePoint } from "../source/types"
import { FROM_START } from "../source/types"
import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"
import { loadCheckpoints } from "./bookkeeping"
import { emptySnapshot, parseSnapshot, type RunSnapshot } from "./snapshot"

/** A run about to migrate: new, or resumed where an interrupted one stopped. */
export type RunState = {
  runId: string
  dryRun: boolean
  resumed: boolean
  startedAt: string
  snapshot: RunSnapshot
  /** Where each collection's reading starts. */
  from: Record<LegacyCollection, ResumePoint>
}

export type StartRunOptions = {
  /** The source's label: a run only resumes from the source it started on. */
  source: string
  /** Start over even if an interrupted run is pending. */
  restart?: boolean
}

type RunRow = { id: string; started_at: Date; report: unknown }

function fromStart(): Record<LegacyCollection, ResumePoint> {
  return Object.fromEntries(
    LEGACY_COLLECTIONS.map((c) => [c, FROM_START])
  ) as Record<LegacyCollection, ResumePoint>
}

/** A dry run: it writes nothing, so it has no row and always starts over. */
export function startDryRun(source: string): RunState {
  return {
    runId: randomUUID(),
    dryRun: true,
    resumed: false,
    startedAt: new Date().toISOString(),
    snapshot: emptySnapshot(source),
    from: fromStart(),
  }
}

/**
 * Resumes the last interrupted run (killed or failed) from its checkpoints,
 * unless a later run completed, or starts a new one with fresh checkpoints.
 * Call it holding the migration lock: a run still marked `running` then
 * belongs to a dead process.
 */
export async function startRun(
  pool: Pool,
  { source, restart = false }: StartRunOptions
): Promise<RunState> {
  // A run that completed after an interrupted one superseded it: its
  // checkpoints are gone, and resuming it would migrate everything again.
  const [pending]: RunRow[] = await pool.query(
    `SELECT id, started_at, report FROM migration_runs pending
     WHERE status IN ('running', 'failed') AND dry_run = 0
       AND NOT EXISTS (
         SELECT 1 FROM migration_runs done
         WHERE done.status = 'completed' AND done.dry_run = 0
           AND done.started_at >= pending.started_at
       )
     ORDER BY started_at DESC LIMIT 1`
  )
  if (pending && !restart) {
    const snapshot = parseSnapshot(pending.report, source)
    if (snapshot.source !== source) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `An interrupted migration (run ${pending.id}) from ${snapshot.source} is pending; migrate from that source to resume it, or pass --restart to start over`
      )
    }
    const connection = await pool.getConnection()
    try {
      const checkpoints = await loadCheckpoints(connection, pending.id)
      const from = fromStart()
      checkpoints.forEach((point, collection) => {
        if ((LEGACY_COLLECTIONS as readonly string[]).includes(collection)) {
          from[collection as LegacyCollection] = point
        }
      })
      await connection.query(
        `UPDATE migration_runs SET status = 'running', finished_at = NULL WHERE id = ?`,
        [pending.id]
      )
      return {
        runId: pending.id,
        dryRun: false,
        resumed: true,
        startedAt: new Date(pending.started_at).toISOString(),
        snapshot,
        from,
      }
    } finally {
      await connection.release()
    }
  }
  return createRun(pool, source)
}

async function createRun(pool: Pool, source: string): Promise<RunState> {
  const runId = randomUUID()
  const startedAt = new Date()
  const snapshot = emptySnapshot(source)
  const connection = await pool.getConnection()
  try {
    await connection.beginTransaction()
    await connection.query(
      `UPDATE migration_runs SET status = 'failed', finished_at = ?
       WHERE status = 'running'`,
      [startedAt]
    )
    await connection.query(
      `INSERT INTO migration_runs (id, status, dry_run, started_at, report)
       VALUES (?, 'running', 0, ?, ?)`,
      [runId, startedAt, JSON.stringify(snapshot)]
    )
    await connection.query(`DELETE FROM migration_checkpoints`)
    await connection.commit()
  } catch (error) {
    await connection.rollback().catch(() => undefined)
    throw error
  } finally {
    await connection.release()
  }
  return {
    runId,
    dryRun: false,
    resumed: false,
    startedAt: startedAt.toISOString(),
    snapshot,
    from: fromStart(),
  }
}

/** Marks a run finished (`completed`) or resumable (`failed`), with its report. */
export async function finishRun(
  pool: Pool,
  runId: string,
  status: "completed" | "failed",
  report: object | null
): Promise<void> {
  await pool.query(
    report
      ? `UPDATE migration_runs SET status = ?, finished_at = ?, report = ? WHERE id = ?`
      : `UPDATE migration_runs SET status = ?, finished_at = ? WHERE id = ?`,
    report
      ? [status, new Date(), JSON.stringify(report), runId]
      : [status, new Date(), runId]
  )
}
