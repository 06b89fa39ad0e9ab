import type { Document } from "bson"
import type { CollectionProgress } from "../run/progress"
import type { RunSnapshot } from "../run/snapshot"
import type { LegacySource, ResumePoint } from "../source/types"
import type { LegacyCollection } from "../types"
import { prepareBatch } from "./prepare-batch"
import type { MigrationTarget, PreparedBatch } from "./targets"

/** Documents per batch (and per transaction) unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 2000

export type MigrateCollectionOptions = {
  collection: LegacyCollection
  source: LegacySource
  target: MigrationTarget
  from: ResumePoint
  /** The run's progress so far; this collection's entry is advanced. */
  snapshot: RunSnapshot
  batchSize?: number
  /** Called after each stored batch with the collection's progress. */
  onBatch?: (progress: CollectionProgress) => void
}

async function nextBatch(
  documents: AsyncIterator<Document>,
  size: number
): Promise<Document[]> {
  const batch: Document[] = []
  while (batch.length < size) {
    const next = await documents.next()
    if (next.done) {
      break
    }
    batch.push(next.value)
  }
  return batch
}

/**
 * Migrates one collection from `from` to its end, a batch at a time; each
 * batch is stored with its checkpoint in one transaction, so a run killed
 * anywhere resumes after the last stored batch. Work overlaps: while batch
 * k is being committed, batch k+1 is checked and batch k+2 read.
 */
export async function migrateCollection({
  collection,
  source,
  target,
  from,
  snapshot,
  batchSize = DEFAULT_BATCH_SIZE,
  onBatch,
}: MigrateCollectionOptions): Promise<CollectionProgress> {
  const documents = source.read(collection, from)[Symbol.asyncIterator]()
  let reading = nextBatch(documents, batchSize)
  let inFlight: PreparedBatch | null = null
  let committing: Promise<void> = Promise.resolve()
  try {
    for (;;) {
      const batch = await reading
      if (!batch.length) {
        break
      }
      reading = nextBatch(documents, batchSize)
      // Awaited in turn below; this only keeps an early failure from going unheard.
      reading.catch(() => undefined)
      const prepared: PreparedBatch = await prepareBatch(
        collection,
        batch,
        target,
        inFlight?.progress ?? snapshot.progress[collection],
        inFlight
      )
      await committing
      committing = commit(target, snapshot, prepared, onBatch)
      committing.catch(() => undefined)
      inFlight = prepared
    }
    await committing
    return snapshot.progress[collection]
  } finally {
    await Promise.allSettled([reading, committing])
    await documents.return?.()
  }
}

/** Stores a batch, then counts it into the run's progress. */
async function commit(
  target: MigrationTarget,
  snapshot: RunSnapshot,
  batch: PreparedBatch,
  onBatch?: (progress: CollectionProgress) => void
): Promise<void> {
  const progress = { ...snapshot.progress, [batch.collection]: batch.progress }
  await target.commit(batch, { ...snapshot, progress })
  snapshot.progress = progress
  onBatch?.(batch.progress)
}
