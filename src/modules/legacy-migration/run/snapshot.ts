import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"
import { emptyProgress, type CollectionProgress } from "./progress"

/** The attempt now migrating a collection, as any server can read it back. */
export type CollectionAttempt = {
  /** Documents in the source collection. */
  total: number
  /** Documents earlier attempts had done when this one started. */
  from: number
  startedAt: string
}

/**
 * What `migration_runs.report` holds while a run is under way: its source,
 * each collection's progress and the attempt of each collection reached,
 * saved with every batch.
 */
export type RunSnapshot = {
  source: string
  progress: Record<LegacyCollection, CollectionProgress>
  attempts: Partial<Record<LegacyCollection, CollectionAttempt>>
}

/** A run that has done nothing yet. */
export function emptySnapshot(source: string): RunSnapshot {
  return {
    source,
    progress: Object.fromEntries(
      LEGACY_COLLECTIONS.map((c) => [c, emptyProgress()])
    ) as Record<LegacyCollection, CollectionProgress>,
    attempts: {},
  }
}

/** Reads a saved snapshot back, filling what an older run did not save. */
export function parseSnapshot(json: unknown, source: string): RunSnapshot {
  const saved =
    typeof json === "string" ? JSON.parse(json) : (json as Partial<RunSnapshot>)
  const snapshot = emptySnapshot(saved?.source ?? source)
  snapshot.attempts = { ...saved?.attempts }
  for (const collection of LEGACY_COLLECTIONS) {
    Object.assign(
      snapshot.progress[collection],
      saved?.progress?.[collection] ?? {}
    )
  }
  return snapshot
}
