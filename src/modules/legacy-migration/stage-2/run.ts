import type { Stage2Totals } from "./mysql"
import type { MigrateLegacyToMedusaReport, Stage2Counts } from "./types"

/**
 * `interrupted`: marked running, but no process holds the stage-2 lock any
 * more (it was killed, or the server stopped, mid-way).
 */
export type Stage2RunStatus = "running" | "completed" | "failed" | "interrupted"

/** A stage-2 run, as recorded in MySQL and followed by the admin. */
export type Stage2Run = {
  /** The workflow transaction running it, also the run's id. */
  id: string
  status: Stage2RunStatus
  startedAt: Date
  finishedAt: Date | null
  error: string | null
  /** What MySQL holds, counted before the run started. */
  totals: Stage2Totals
  /** The counters of each entity, as of the last page done. */
  counts: Stage2Counts
  report: MigrateLegacyToMedusaReport | null
}

/** A run that has just started: running, nothing counted yet. */
export function newStage2Run(id: string, totals: Stage2Totals): Stage2Run {
  return {
    id,
    status: "running",
    startedAt: new Date(),
    finishedAt: null,
    error: null,
    totals,
    counts: {},
    report: null,
  }
}
