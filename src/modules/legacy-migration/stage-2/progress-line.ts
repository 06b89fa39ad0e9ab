import type { AdminStage2Run } from "./admin-view"

/**
 * One stderr line of a stage-2 run's progress: the entities under way or
 * done, each as done of MySQL's total ("products 30/35").
 */
export function stage2ProgressLine(run: AdminStage2Run): string {
  const parts = run.entities
    .filter((e) => e.state !== "pending")
    .map((e) => `${e.entity} ${e.processed}/${e.total}`)
  return `Stage 2: ${parts.length ? parts.join(", ") : "starting"}`
}
