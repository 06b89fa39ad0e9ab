import type { Pool } from "mariadb"
import { migrateCollection } from "../load/migrate-collection"
import {
  DatabaseTarget,
  DryRunTarget,
  type MigrationTarget,
} from "../load/targets"
import type { LegacySource } from "../source/types"
import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"
import { withMigrationLock } from "./lock"
import type { CollectionReport, MigrationReport } from "./report"
import { finishRun, startDryRun, startRun, type RunState } from "./runs"
import { collectionReport, type AttemptStats } from "./verify"

/** Progress of one collection, for a progress line. */
export type ProgressEvent = {
  collection: LegacyCollection
  phase: "start" | "batch" | "done"
  /** Documents done in the collection, earlier attempts included. */
  processed: number
  /** Documents in the collection (estimated for a live database). */
  total: number
  /** Documents this invocation read. */
  read: number
  elapsedMs: number
}

export type MigrateLegacyOptions = {
  source: LegacySource
  /** The target; null only for a dry run. */
  pool: Pool | null
  /** The target database's name (names the migration lock). */
  database: string
  dryRun?: boolean
  restart?: boolean
  batchSize?: number
  onProgress?: (event: ProgressEvent, run: RunState) => void
}

/** Starts (or resumes) a run; a dry run only gets an id. */
export async function beginMigrationRun(
  options: MigrateLegacyOptions
): Promise<RunState> {
  if (options.dryRun || !options.pool) {
    return startDryRun(options.source.label)
  }
  return startRun(options.pool, {
    source: options.source.label,
    restart: options.restart,
  })
}

async function withTarget<T>(
  options: MigrateLegacyOptions,
  run: RunState,
  work: (target: MigrationTarget) => Promise<T>
): Promise<T> {
  if (run.dryRun || !options.pool) {
    return work(new DryRunTarget())
  }
  const lookups = await options.pool.getConnection()
  try {
    const writes = await options.pool.getConnection()
    try {
      return await work(new DatabaseTarget(lookups, writes, run.runId))
    } finally {
      await writes.release()
    }
  } finally {
    await lookups.release()
  }
}

/**
 * Migrates every collection in dependency order from where the run stands,
 * each batch stored with its checkpoint. Returns what this invocation did.
 */
export async function migrateCollections(
  options: MigrateLegacyOptions,
  run: RunState
): Promise<Record<LegacyCollection, AttemptStats>> {
  const { source, batchSize, onProgress } = options
  const stats = {} as Record<LegacyCollection, AttemptStats>
  await withTarget(options, run, async (target) => {
    for (const collection of LEGACY_COLLECTIONS) {
      const from = run.from[collection]
      const started = Date.now()
      const total = await source.count(collection)
      run.snapshot.attempts[collection] = {
        total,
        from: from.position,
        startedAt: new Date(started).toISOString(),
      }
      const event = (phase: ProgressEvent["phase"], processed: number) =>
        onProgress?.(
          {
            collection,
            phase,
            processed,
            total,
            read: processed - from.position,
            elapsedMs: Date.now() - started,
          },
          run
        )
      event("start", from.position)
      const progress = await migrateCollection({
        collection,
        source,
        target,
        from,
        snapshot: run.snapshot,
        batchSize,
        onBatch: (p) => event("batch", p.processed),
      })
      event("done", progress.processed)
      stats[collection] = {
        read: progress.processed - from.position,
        skipped: from.position,
        seconds: (Date.now() - started) / 1000,
      }
    }
  })
  return stats
}

/**
 * Compares each collection's source sums with the target's, saves the
 * report on the run and marks it completed (a dry run saves nothing).
 */
export async function verifyMigrationRun(
  options: MigrateLegacyOptions,
  run: RunState,
  stats: Record<LegacyCollection, AttemptStats>
): Promise<MigrationReport> {
  const pool = run.dryRun ? null : options.pool
  const collections: CollectionReport[] = []
  for (const collection of LEGACY_COLLECTIONS) {
    collections.push(
      await collectionReport(
        pool,
        collection,
        run.snapshot.progress[collection],
        stats[collection] ?? { read: 0, skipped: 0, seconds: 0 }
      )
    )
  }
  const finishedAt = new Date()
  const seconds = collections.reduce((sum, c) => sum + c.seconds, 0)
  const documents = collections.reduce((sum, c) => sum + c.read, 0)
  const report: MigrationReport = {
    runId: run.runId,
    dryRun: run.dryRun,
    resumed: run.resumed,
    source: options.source.label,
    startedAt: run.startedAt,
    finishedAt: finishedAt.toISOString(),
    seconds,
    documents,
    rate: seconds > 0 ? Math.round(documents / seconds) : 0,
    collections,
    ok: collections.every((c) => c.ok),
  }
  if (pool) {
    await finishRun(pool, run.runId, "completed", {
      ...run.snapshot,
      result: report,
    })
  }
  return report
}

/** Marks a run that stopped on an error as failed: the next run resumes it. */
export async function failMigrationRun(
  options: MigrateLegacyOptions,
  run: RunState
): Promise<void> {
  if (!run.dryRun && options.pool) {
    await finishRun(options.pool, run.runId, "failed", null)
  }
}

/**
 * Starts or resumes a run, migrates every collection and verifies. Call it
 * holding the migration lock, from the start to the report: a run marked
 * `running` while the lock is free is taken for an interrupted one. On an
 * error the run is left resumable.
 */
export async function migrateHoldingLock(
  options: MigrateLegacyOptions
): Promise<MigrationReport> {
  const run = await beginMigrationRun(options)
  try {
    const stats = await migrateCollections(options, run)
    return await verifyMigrationRun(options, run, stats)
  } catch (error) {
    await failMigrationRun(options, run).catch(() => undefined)
    throw error
  }
}

/**
 * Migrates the legacy store into the MySQL target and reports, holding the
 * migration lock throughout (a dry run takes none).
 */
export async function migrateLegacyStore(
  options: MigrateLegacyOptions
): Promise<MigrationReport> {
  if (options.dryRun || !options.pool) {
    return migrateHoldingLock(options)
  }
  return withMigrationLock(options.pool, options.database, () =>
    migrateHoldingLock(options)
  )
}
