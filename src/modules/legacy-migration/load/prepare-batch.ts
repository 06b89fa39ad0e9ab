import type { Document } from "bson"
import {
  transformDocument,
  type Migrated,
  type RecordOf,
  type TransformResult,
} from "../transform"
import { parseObjectId } from "../transform/values"
import type { LegacyCollection } from "../types"
import {
  cloneProgress,
  countMigrated,
  countQuarantined,
  type CollectionProgress,
} from "../run/progress"
import type { Refused } from "./quarantine"
import type { MigrationTarget, PreparedBatch } from "./targets"
import { findKeyConflicts, PendingKeyOwners, uniqueKeysOf } from "./unique-keys"

/**
 * Checks and converts a batch: looks up what its documents point at (one
 * query per table), runs the transforms, then refuses documents whose slug,
 * SKU or order number another document holds. Writes nothing. `inFlight` is
 * the previous batch of the collection, possibly not committed yet: its
 * emails and unique keys count as taken.
 */
export async function prepareBatch<C extends LegacyCollection>(
  collection: C,
  documents: readonly Document[],
  target: MigrationTarget,
  before: CollectionProgress,
  inFlight: PreparedBatch<C> | null = null
): Promise<PreparedBatch<C>> {
  const index = await target.indexFor(collection, documents)
  for (const record of inFlight?.records ?? []) {
    if ("email" in record) {
      index.claimEmail(record.email, record.legacyId)
    }
  }
  const migrated: { document: Document; result: Migrated<RecordOf[C]> }[] = []
  const refused: Refused[] = []
  for (const document of documents) {
    const result: TransformResult<RecordOf[C]> = transformDocument(
      collection,
      document,
      index
    )
    if (!result.ok) {
      refused.push({ document, reason: result.reason, detail: result.detail })
      continue
    }
    // A later user of this very batch may repeat this one's email.
    if (collection === "users") {
      index.remember(collection, result)
    }
    migrated.push({ document, result })
  }

  const owners = inFlight
    ? new PendingKeyOwners(
        target.keyOwners,
        inFlight.records.flatMap((r) => uniqueKeysOf(r))
      )
    : target.keyOwners
  const conflicts = await findKeyConflicts(
    migrated.map(({ result }) => uniqueKeysOf(result.record)),
    owners
  )
  const progress = cloneProgress(before)
  const records: RecordOf[C][] = []
  migrated.forEach(({ document, result }, i) => {
    const detail = conflicts.get(i)
    if (detail) {
      refused.push({ document, reason: "duplicate_key", detail })
      return
    }
    if (collection !== "users") {
      index.remember(collection, result)
    }
    records.push(result.record)
    countMigrated(collection, result, progress)
  })
  refused.forEach(({ reason }) => countQuarantined(reason, progress))
  progress.processed += documents.length
  const last = parseObjectId(documents[documents.length - 1]?._id)
  progress.lastId = last.ok ? last.value : progress.lastId
  return { collection, index, records, refused, progress }
}
