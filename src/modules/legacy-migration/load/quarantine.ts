import { createHash } from "crypto"
import { EJSON, type Document } from "bson"
import type { Connection } from "mariadb"
import { parseObjectId } from "../transform/values"
import type { LegacyCollection, QuarantineReason } from "../types"
import { insertRows } from "./sql"

/** A document the migration refused, and why. */
export type Refused = {
  document: Document
  reason: QuarantineReason
  detail: string
}

const COLUMNS = [
  "run_id",
  "collection",
  "legacy_id",
  "reason",
  "detail",
  "raw_document",
]

/** A document as mongodump writes it: canonical Extended JSON. */
export function rawDocument(document: Document): string {
  return EJSON.stringify(document, { relaxed: false })
}

/**
 * The key a refused document is kept under: its `_id` in hex, another `_id`
 * as Extended JSON (hashed when long), or a hash of the whole document when
 * it has none, so quarantining it again updates the same row.
 */
export function quarantineKey(document: Document, raw: string): string {
  const id = parseObjectId(document._id)
  if (id.ok) {
    return id.value
  }
  const text =
    document._id === undefined
      ? null
      : EJSON.stringify(document._id, { relaxed: false })
  if (text && text.length <= 64) {
    return text
  }
  return `sha1:${createHash("sha1")
    .update(text ?? raw)
    .digest("hex")}`
}

/**
 * Stores refused documents, one row per (collection, key). Refusing a
 * document again rewrites its reason and content but keeps the run and the
 * date it was first refused, so a re-run changes nothing.
 */
export async function writeQuarantine(
  connection: Connection,
  runId: string,
  collection: LegacyCollection,
  refused: Refused[]
): Promise<void> {
  const rows = refused.map(({ document, reason, detail }) => {
    const raw = rawDocument(document)
    return [
      runId,
      collection,
      quarantineKey(document, raw),
      reason,
      detail.slice(0, 500),
      raw,
    ]
  })
  await insertRows(connection, "quarantine_records", COLUMNS, rows, [
    "reason",
    "detail",
    "raw_document",
  ])
}

/**
 * Forgets the refusal of documents that now migrate (their source was
 * fixed), so the quarantine lists what is refused today.
 */
export async function clearQuarantine(
  connection: Connection,
  collection: LegacyCollection,
  legacyIds: string[]
): Promise<void> {
  if (legacyIds.length) {
    await connection.query(
      `DELETE FROM quarantine_records WHERE collection = ? AND legacy_id IN (?)`,
      [collection, legacyIds]
    )
  }
}
