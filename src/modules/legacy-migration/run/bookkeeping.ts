import type { Connection } from "mariadb"
import { insertRows } from "../load/sql"
import type { LegacyCollection } from "../types"
import type { CollectionProgress } from "./progress"
import type { RunSnapshot } from "./snapshot"

const CHECKPOINT_COLUMNS = [
  "collection",
  "run_id",
  "last_legacy_id",
  "processed_count",
  "migrated_count",
  "quarantined_count",
  "updated_at",
]

/** Saves where `collection` stopped (call inside the batch's transaction). */
export async function saveCheckpoint(
  connection: Connection,
  runId: string,
  collection: LegacyCollection,
  progress: CollectionProgress
): Promise<void> {
  await insertRows(
    connection,
    "migration_checkpoints",
    CHECKPOINT_COLUMNS,
    [
      [
        collection,
        runId,
        progress.lastId,
        progress.processed,
        progress.migrated,
        progress.quarantined,
        new Date(),
      ],
    ],
    CHECKPOINT_COLUMNS.slice(1)
  )
}

/** Saves the run's progress (call inside the batch's transaction). */
export async function saveSnapshot(
  connection: Connection,
  runId: string,
  snapshot: RunSnapshot
): Promise<void> {
  await connection.query(`UPDATE migration_runs SET report = ? WHERE id = ?`, [
    JSON.stringify(snapshot),
    runId,
  ])
}

type CheckpointRow = {
  collection: string
  last_legacy_id: string | null
  processed_count: number
}

/** Where each collection of `runId` stopped: position and last `_id`. */
export async function loadCheckpoints(
  connection: Connection,
  runId: string
): Promise<Map<string, { lastId: string | null; position: number }>> {
  const rows: CheckpointRow[] = await connection.query(
    `SELECT collection, last_legacy_id, processed_count
     FROM migration_checkpoints WHERE run_id = ?`,
    [runId]
  )
  return new Map(
    rows.map((row) => [
      row.collection,
      { lastId: row.last_legacy_id, position: Number(row.processed_count) },
    ])
  )
}
