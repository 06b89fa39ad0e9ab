import type { Pool } from "mariadb"
import type { LegacyCollection } from "../types"
import type { CollectionProgress } from "./progress"
import type { CollectionReport, SumCheck } from "./report"
import { targetSums } from "./target-sums"

/** What one invocation did in a collection (a resumed run has several). */
export type AttemptStats = { read: number; skipped: number; seconds: number }

function sourceSums(
  collection: LegacyCollection,
  progress: CollectionProgress
): Record<string, number> {
  const sums = { ...progress.sums, rows: progress.migrated }
  return collection === "products"
    ? { ...sums, categories: progress.categories.length }
    : sums
}

/**
 * A collection's report: the counts of the run, and each sum taken from the
 * source stream beside the same sum computed from the target tables (none
 * in a dry run). `ok` is false when any of them disagrees.
 */
export async function collectionReport(
  pool: Pool | null,
  collection: LegacyCollection,
  progress: CollectionProgress,
  attempt: AttemptStats
): Promise<CollectionReport> {
  const source = sourceSums(collection, progress)
  const target = pool ? await targetSums(pool, collection) : null
  const keys = target ? Object.keys(target) : Object.keys(source)
  const sums: Record<string, SumCheck> = {}
  for (const key of keys) {
    const fromSource = source[key] ?? 0
    const fromTarget = target ? (target[key] ?? 0) : null
    sums[key] = {
      source: fromSource,
      target: fromTarget,
      ok: fromTarget === null || fromTarget === fromSource,
    }
  }
  return {
    collection,
    read: attempt.read,
    skipped: attempt.skipped,
    written: progress.migrated,
    quarantined: progress.quarantined,
    reasons: progress.reasons,
    conversions: progress.conversions,
    dropped: progress.dropped,
    sums,
    ok:
      progress.processed === progress.migrated + progress.quarantined &&
      Object.values(sums).every((sum) => sum.ok),
    seconds: attempt.seconds,
    rate: attempt.seconds > 0 ? Math.round(attempt.read / attempt.seconds) : 0,
  }
}
