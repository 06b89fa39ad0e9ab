import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"
import type { BoardRun } from "./admin-board"
import type { CollectionProgress } from "./progress"
import type { CheckpointRow, RunRow } from "./read-runs"
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

/**
 * Progress from what the run saved with its last batch (the snapshot, with
 * each collection's total and attempt start) and when it wrote each
 * collection's checkpoint: the same figures the board has live, so any
 * server shows them.
 */
function fromSnapshot(
  snapshot: RunSnapshot,
  checkpoints: CheckpointRow[]
): AdminCollectionProgress[] {
  const savedAt = new Map(
    checkpoints.map((c) => [c.collection, new Date(c.updated_at).getTime()])
  )
  return LEGACY_COLLECTIONS.map((collection) => {
    const progress = snapshot.progress[collection]
    const attempt = snapshot.attempts[collection]
    const from = attempt?.from ?? 0
    const read = progress.processed - from
    const last = savedAt.get(collection)
    const seconds =
      attempt && last ? (last - Date.parse(attempt.startedAt)) / 1000 : 0
    const rate = read > 0 && seconds > 0 ? Math.round(read / seconds) : null
    const left = attempt
      ? Math.max(0, attempt.total - progress.processed)
      : null
    return {
      collection,
      state:
        left === 0
          ? "done"
          : attempt || progress.processed > 0
            ? "running"
            : "pending",
      total: attempt?.total ?? null,
      processed: progress.processed,
      read,
      written: progress.migrated,
      quarantined: progress.quarantined,
      skipped: from,
      reasons: progress.reasons,
      rate,
      eta_seconds:
        left === 0 ? 0 : left !== null && rate ? Math.ceil(left / rate) : null,
    }
  })
}

/**
 * A run known only from MySQL (started by the CLI, by another server, or
 * before this server started): `migration_runs` and its checkpoints.
 */
export function rowRunView(
  row: RunRow,
  writing: boolean,
  checkpoints: CheckpointRow[] = []
): AdminMigrationRun {
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
    collections: report
      ? fromReport(report)
      : fromSnapshot(
          saved,
          checkpoints.filter((c) => c.run_id === row.id)
        ),
    report,
  }
}
