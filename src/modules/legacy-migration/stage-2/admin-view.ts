import type { Stage2Run, Stage2RunStatus } from "./run"
import {
  STAGE_2_ENTITIES,
  type MigrateLegacyToMedusaReport,
  type Stage2Entity,
} from "./types"

/** One entity of a stage-2 run, as the admin shows it. */
export type AdminStage2Entity = {
  entity: Stage2Entity
  state: "pending" | "running" | "done"
  /** What MySQL holds (rows, or units for stock and points). */
  total: number
  /** MySQL records gone through so far. */
  processed: number
  created: number
  present: number
  skipped: number
  /** What Medusa holds for them, read back. */
  medusa: number
  /** Whether Medusa agrees with MySQL; null until the entity is done. */
  ok: boolean | null
}

/** A stage-2 run, as the admin API answers it. */
export type AdminStage2Run = {
  id: string
  stage: 2
  /** `interrupted`: cut off mid-way; run stage 2 again to finish it. */
  status: Stage2RunStatus
  started_at: string
  finished_at: string | null
  error: string | null
  entities: AdminStage2Entity[]
  /** The stage-2 report; null until the run has completed. */
  report: MigrateLegacyToMedusaReport | null
}

const sum = (values: Record<string, number | undefined>) =>
  Object.values(values).reduce<number>((n, v) => n + (v ?? 0), 0)

function entityView(run: Stage2Run, entity: Stage2Entity) {
  const counts = run.counts[entity]
  const total = run.totals[entity]
  const processed = counts?.source ?? 0
  const skipped = counts ? sum(counts.skipped) : 0
  const medusa = counts?.medusa ?? 0
  const started = Boolean(counts)
  const done = started && processed >= total
  const view: AdminStage2Entity = {
    entity,
    state: done ? "done" : started ? "running" : "pending",
    total,
    processed,
    created: counts?.created ?? 0,
    present: counts?.present ?? 0,
    skipped,
    medusa,
    ok: done ? medusa === processed - skipped : null,
  }
  return view
}

/** A stage-2 run: its progress as of the last page done, or its report. */
export function stage2RunView(run: Stage2Run): AdminStage2Run {
  const entities = run.report
    ? run.report.entities.map((e): AdminStage2Entity => ({
        entity: e.entity,
        state: "done",
        total: run.totals[e.entity],
        processed: e.source,
        created: e.created,
        present: e.present,
        skipped: sum(e.skipped),
        medusa: e.medusa,
        ok: e.ok,
      }))
    : STAGE_2_ENTITIES.map((entity) => entityView(run, entity))
  return {
    id: run.id,
    stage: 2,
    status: run.status,
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
    error: run.error,
    entities,
    report: run.report,
  }
}
