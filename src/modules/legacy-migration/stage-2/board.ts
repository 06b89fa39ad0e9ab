import { newStage2Run, type Stage2Run } from "./run"
import type { Stage2Totals } from "./mysql"
import type { Stage2Counts } from "./types"

/** A stage-2 run this process follows live (the CLI's progress line). */
export type Stage2BoardRun = Stage2Run

const runs = new Map<string, Stage2BoardRun>()

/** Follows a run that has just taken the stage-2 lock in this process. */
export function openStage2BoardRun(
  id: string,
  totals: Stage2Totals
): Stage2BoardRun {
  const run = newStage2Run(id, totals)
  runs.set(id, run)
  return run
}

/**
 * Records the counters a stage-2 step has after a page (called by the
 * steps); a run this process does not follow is ignored.
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
