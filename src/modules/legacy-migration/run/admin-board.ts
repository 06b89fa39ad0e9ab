import type { LegacyCollection } from "../types"
import type { ProgressEvent } from "./migrate"
import type { MigrationReport } from "./report"
import type { RunState } from "./runs"
import type { RunSnapshot } from "./snapshot"

/** A migration started from this server, as the admin follows it. */
export type BoardRun = {
  /** The workflow transaction running it. */
  transactionId: string
  /** The migration run's id, known once its first step is done. */
  runId: string | null
  dryRun: boolean
  source: string
  status: "starting" | "running" | "completed" | "failed"
  startedAt: Date
  finishedAt: Date | null
  error: string | null
  /** The run's live progress (the object the migration advances). */
  snapshot: RunSnapshot | null
  /** The last progress event of each collection. */
  events: Partial<Record<LegacyCollection, ProgressEvent>>
  report: MigrationReport | null
}

type Waiter = { resolve: (run: BoardRun) => void; reject: (e: Error) => void }

/** Finished runs kept for the admin (dry runs are stored nowhere else). */
const KEEP_FINISHED = 20

const runs = new Map<string, BoardRun>()
const waiters = new Map<string, Waiter>()

function isActive(run: BoardRun): boolean {
  return run.status === "starting" || run.status === "running"
}

/** The run this server is migrating, if any. */
export function activeBoardRun(): BoardRun | null {
  return [...runs.values()].find(isActive) ?? null
}

/**
 * Claims the board for a new run, synchronously, so two requests cannot
 * both start one. Returns null when a run is already under way.
 */
export function reserveBoardRun(
  transactionId: string,
  dryRun: boolean,
  source: string
): BoardRun | null {
  if (activeBoardRun()) {
    return null
  }
  const run: BoardRun = {
    transactionId,
    runId: null,
    dryRun,
    source,
    status: "starting",
    startedAt: new Date(),
    finishedAt: null,
    error: null,
    snapshot: null,
    events: {},
    report: null,
  }
  runs.set(transactionId, run)
  return run
}

/** Gives up a reservation whose run never started. */
export function releaseBoardRun(transactionId: string): void {
  runs.delete(transactionId)
}

/** Resolves once the run has an id, or rejects with why it could not start. */
export function boardRunStarted(transactionId: string): Promise<BoardRun> {
  const run = runs.get(transactionId)
  if (!run) {
    return Promise.reject(new Error(`No migration ${transactionId}`))
  }
  if (run.runId) {
    return Promise.resolve(run)
  }
  if (run.status === "failed") {
    return Promise.reject(new Error(run.error ?? "The migration failed"))
  }
  return new Promise((resolve, reject) => {
    waiters.set(transactionId, { resolve, reject })
  })
}

/**
 * Records a progress event of the run driven by `transactionId` (called by
 * the migration itself); a run not started from the admin is ignored.
 */
export function publishMigrationProgress(
  transactionId: string | undefined,
  run: RunState,
  event: ProgressEvent
): void {
  const entry = transactionId ? runs.get(transactionId) : undefined
  if (!entry) {
    return
  }
  entry.runId = run.runId
  entry.snapshot = run.snapshot
  entry.status = "running"
  entry.events[event.collection] = event
  waiters.get(entry.transactionId)?.resolve(entry)
  waiters.delete(entry.transactionId)
}

function forgetOldRuns(): void {
  const finished = [...runs.values()].filter((run) => !isActive(run))
  for (const run of finished.slice(0, -KEEP_FINISHED)) {
    runs.delete(run.transactionId)
  }
}

/** Records how the workflow ended: its report, or the first error. */
export function finishBoardRun(
  transactionId: string,
  outcome: { report: MigrationReport } | { error: string }
): void {
  const entry = runs.get(transactionId)
  if (!entry) {
    return
  }
  entry.finishedAt = new Date()
  if ("report" in outcome) {
    entry.status = "completed"
    entry.report = outcome.report
    entry.runId = outcome.report.runId
  } else {
    entry.status = "failed"
    entry.error = outcome.error
    waiters.get(transactionId)?.reject(new Error(outcome.error))
  }
  waiters.get(transactionId)?.resolve(entry)
  waiters.delete(transactionId)
  forgetOldRuns()
}

/** A run of this server by its migration run id. */
export function findBoardRun(runId: string): BoardRun | null {
  return [...runs.values()].find((run) => run.runId === runId) ?? null
}

/** Dry runs of this server, newest first (they leave no row in MySQL). */
export function boardDryRuns(): BoardRun[] {
  return [...runs.values()]
    .filter((run) => run.dryRun && run.runId)
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
}
