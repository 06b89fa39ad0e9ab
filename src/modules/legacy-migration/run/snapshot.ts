import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"
import { emptyProgress, type CollectionProgress } from "./progress"

/**
 * What `migration_runs.report` holds while a run is under way: its source
 * and each collection's progress, saved with every batch.
 */
export type RunSnapshot = {
  source: string
  progress: Record<LegacyCollection, CollectionProgress>
}

/** A run that has done nothing yet. */
export function emptySnapshot(source: string): RunSnapshot {
  return {
    source,
    progress: Object.fromEntries(
      LEGACY_COLLECTIONS.map((c) => [c, emptyProgress()])
    ) as Record<LegacyCollection, CollectionProgress>,
  }
}

/** Reads a saved snapshot back, filling what an older run did not save. */
export function parseSnapshot(json: unknown, source: string): RunSnapshot {
  const saved =
    typeof json === "string" ? JSON.parse(json) : (json as Partial<RunSnapshot>)
  const snapshot = emptySnapshot(saved?.source ?? source)
  for (const collection of LEGACY_COLLECTIONS) {
    Object.assign(
      snapshot.progress[collection],
      saved?.progress?.[collection] ?? {}
    )
  }
  return snapshot
}
