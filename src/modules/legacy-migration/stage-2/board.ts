import type { Stage2Totals } from "./mysql"
import type { MigrateLegacyToMedusaReport, Stage2Counts } from "./types"

/** A stage-2 run started from this server, as the admin follows it. */
export type Stage2BoardRun = {
  /** The workflow transaction running it, also the run's id. */
  id: string
  status: "running" | "completed" | "failed"
  startedAt: Date
  finishedAt: Date | null
  error: string | null
  /** What MySQL holds, counted before the run started. */
  totals: Stage2Totals
  /** The counters of each entity, as of the last page done. */
  counts: Stage2Counts
  report: MigrateLegacyToMedusaReport | null
}

/** Finished runs kept for the admin. */
const KEEP_FINISHED = 20

const runs = new Map<string, Stage2BoardRun>()

/** Puts a run that has just taken the stage-2 lock on the board. */
export function openStage2BoardRun(
  id: string,
  totals: Stage2Totals
): Stage2BoardRun {
  const run: Stage2BoardRun = {
    id,
    status: "running",
    startedAt: new Date(),
    finishedAt: null,
    error: null,
    totals,
    counts: {},
    report: null,
  }
  runs.set(id, run)
  return run
}

/**
 * Records the counters a stage-2 step has after a page (called by the
 * steps); a run not started from this server's admin is ignored.
 */
export function publishStage2Progress(
  id: string | undefined,
  counts: Stage2Counts
): void {
  const run = id ? runs.get(id) : undefined
  if (run) {
    run.counts = { ...run.counts, ...structuredClone(counts) }
  }
}

/** Records how the run ended: its report, or the first error. */
export function finishStage2BoardRun(
  id: string,
  outcome: { report: MigrateLegacyToMedusaReport } | { error: string }
): void {
  const run = runs.get(id)
  if (!run) {
    return
  }
  run.finishedAt = new Date()
  if ("report" in outcome) {
    run.status = "completed"
    run.report = outcome.report
  } else {
    run.status = "failed"
    run.error = outcome.error
  }
  const finished = [...runs.values()].filter((r) => r.status !== "running")
  for (const old of finished.slice(0, -KEEP_FINISHED)) {
    runs.delete(old.id)
  }
}

/** A stage-2 run of this server, or null. */
export function findStage2BoardRun(id: string): Stage2BoardRun | null {
  return runs.get(id) ?? null
}

/** This server's stage-2 runs, newest first. */
export function listStage2BoardRuns(): Stage2BoardRun[] {
  return [...runs.values()].sort(
    (a, b) => b.startedAt.getTime() - a.startedAt.getTime()
  )
}
