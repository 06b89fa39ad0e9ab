import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"
import type { BoardRun } from "./admin-board"
import type { CollectionProgress } from "./progress"
import type { RunRow } from "./read-runs"
import type { MigrationReport } from "./report"
import { parseSnapshot, type RunSnapshot } from "./snapshot"

/** One collection of a run, as the admin shows it. */
export type AdminCollectionProgress = {
  collection: LegacyCollection
  state: "pending" | "running" | "done"
  /** Documents in the source; null until the run reaches the collection. */
  total: number | null
  /** Documents done, earlier attempts of the run included. */
  processed: number
  /** Documents read by this attempt. */
  read: number
  written: number
  quarantined: number
  /** Documents an interrupted earlier attempt had already done. */
  skipped: number
  reasons: CollectionProgress["reasons"]
  /** Documents per second of this attempt; null when unknown. */
  rate: number | null
  eta_seconds: number | null
}

/** A migration run, as the admin API answers it. */
export type AdminMigrationRun = {
  id: string
  dry_run: boolean
  stage: 1
  /** `interrupted`: marked running, but no migration is writing any more. */
  status: "running" | "completed" | "failed" | "interrupted"
  source: string
  started_at: string
  finished_at: string | null
  error: string | null
  collections: AdminCollectionProgress[]
  /** The final report (source and target sums); null until the run is done. */
  report: MigrationReport | null
}

function fromReport(report: MigrationReport): AdminCollectionProgress[] {
  return report.collections.map((c) => ({
    collection: c.collection,
    state: "done",
    total: c.skipped + c.read,
    processed: c.skipped + c.read,
    read: c.read,
    written: c.written,
    quarantined: c.quarantined,
    skipped: c.skipped,
    reasons: c.reasons,
    rate: c.rate,
    eta_seconds: 0,
  }))
}

function fromBoard(run: BoardRun): AdminCollectionProgress[] {
  return LEGACY_COLLECTIONS.map((collection) => {
    const event = run.events[collection]
    const progress = run.snapshot?.progress[collection]
    const processed = event?.processed ?? 0
    const read = event?.read ?? 0
    const seconds = (event?.elapsedMs ?? 0) / 1000
    const rate = read > 0 && seconds > 0 ? Math.round(read / seconds) : null
    const left = event ? Math.max(0, event.total - event.processed) : null
    return {
      collection,
      state: !event ? "pending" : event.phase === "done" ? "done" : "running",
      total: event?.total ?? null,
      processed,
      read,
      written: progress?.migrated ?? 0,
      quarantined: progress?.quarantined ?? 0,
      skipped: processed - read,
      reasons: progress?.reasons ?? {},
      rate,
      eta_seconds:
        left === 0 ? 0 : left !== null && rate ? Math.ceil(left / rate) : null,
    }
  })
}

/** A run this server started (live progress, or its outcome). */
export function boardRunView(run: BoardRun): AdminMigrationRun {
  return {
    id: run.runId ?? run.transactionId,
    dry_run: run.dryRun,
    stage: 1,
    status: run.status === "starting" ? "running" : run.status,
    source: run.source,
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
    error: run.error,
    collections: run.report ? fromReport(run.report) : fromBoard(run),
    report: run.report,
  }
}

function fromSnapshot(snapshot: RunSnapshot): AdminCollectionProgress[] {
  return LEGACY_COLLECTIONS.map((collection) => {
    const progress = snapshot.progress[collection]
    return {
      collection,
      state: progress.processed > 0 ? "running" : "pending",
      total: null,
      processed: progress.processed,
      read: progress.processed,
      written: progress.migrated,
      quarantined: progress.quarantined,
      skipped: 0,
      reasons: progress.reasons,
      rate: null,
      eta_seconds: null,
    }
  })
}

/**
 * A run known only from `migration_runs` (started by the CLI, or before
 * this server started): the progress saved with its last batch.
 */
export function rowRunView(row: RunRow, writing: boolean): AdminMigrationRun {
  const json: { result?: MigrationReport } | null =
    typeof row.report === "string" ? JSON.parse(row.report) : row.report
  const saved = parseSnapshot(json ?? {}, "")
  const report = json?.result ?? null
  return {
    id: row.id,
    dry_run: Boolean(row.dry_run),
    stage: 1,
    status: row.status === "running" && !writing ? "interrupted" : row.status,
    source: saved.source,
    started_at: new Date(row.started_at).toISOString(),
    finished_at: row.finished_at
      ? new Date(row.finished_at).toISOString()
      : null,
    error: null,
    collections: report ? fromReport(report) : fromSnapshot(saved),
    report,
  }
}
