import type { Document } from "bson"
import type { Connection } from "mariadb"
import { saveCheckpoint, saveSnapshot } from "../run/bookkeeping"
import type { CollectionProgress } from "../run/progress"
import type { RunSnapshot } from "../run/snapshot"
import type { RecordOf } from "../transform"
import type { LegacyCollection } from "../types"
import { clearQuarantine, writeQuarantine, type Refused } from "./quarantine"
import { DryRunIndex, lookupTargetIndex, type BatchIndex } from "./target-index"
import {
  MemoryKeyOwners,
  TargetKeyOwners,
  uniqueKeysOf,
  type KeyOwners,
} from "./unique-keys"
import { wantedBy } from "./wanted"
import { writerOf } from "./writers"

/** A batch checked and converted, ready to be stored in one go. */
export type PreparedBatch<C extends LegacyCollection = LegacyCollection> = {
  collection: C
  index: BatchIndex
  records: RecordOf[C][]
  refused: Refused[]
  /** The collection's progress once this batch is stored. */
  progress: CollectionProgress
}

/** Where prepared batches go: the MySQL target, or nowhere in a dry run. */
export interface MigrationTarget {
  readonly keyOwners: KeyOwners
  /** What the documents of a batch are checked against. */
  indexFor(
    collection: LegacyCollection,
    documents: readonly Document[]
  ): Promise<BatchIndex>
  /** Stores a batch with its checkpoint and the run's progress, all or nothing. */
  commit<C extends LegacyCollection>(
    batch: PreparedBatch<C>,
    snapshot: RunSnapshot
  ): Promise<void>
}

/**
 * The MySQL target: batches are written through one connection while the
 * next batch's lookups use another, so both can be under way at once.
 */
export class DatabaseTarget implements MigrationTarget {
  readonly keyOwners: KeyOwners

  constructor(
    private readonly lookups: Connection,
    private readonly connection: Connection,
    private readonly runId: string
  ) {
    this.keyOwners = new TargetKeyOwners(lookups)
  }

  indexFor(collection: LegacyCollection, documents: readonly Document[]) {
    return lookupTargetIndex(this.lookups, wantedBy(collection, documents))
  }

  async commit<C extends LegacyCollection>(
    batch: PreparedBatch<C>,
    snapshot: RunSnapshot
  ): Promise<void> {
    const { connection, runId } = this
    await connection.beginTransaction()
    try {
      if (batch.records.length) {
        const write = writerOf(batch.collection)
        await write(connection, batch.records, batch.index)
        await clearQuarantine(
          connection,
          batch.collection,
          batch.records.map((record) => record.legacyId)
        )
      }
      if (batch.refused.length) {
        await writeQuarantine(
          connection,
          runId,
          batch.collection,
          batch.refused
        )
      }
      await saveCheckpoint(connection, runId, batch.collection, batch.progress)
      await saveSnapshot(connection, runId, snapshot)
      await connection.commit()
    } catch (error) {
      await connection.rollback().catch(() => undefined)
      throw error
    }
  }
}

/** A dry run's target: checks against what would have migrated, stores nothing. */
export class DryRunTarget implements MigrationTarget {
  readonly keyOwners = new MemoryKeyOwners()
  private readonly index = new DryRunIndex()

  async indexFor(): Promise<BatchIndex> {
    return this.index
  }

  async commit<C extends LegacyCollection>(batch: PreparedBatch<C>) {
    this.keyOwners.claim(batch.records.flatMap((r) => uniqueKeysOf(r)))
  }
}
