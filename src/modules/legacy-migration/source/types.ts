import type { Document } from "bson"
import type { LegacyCollection } from "../types"

/**
 * Where reading a collection resumes: after its `position`-th document, whose
 * `_id` (as hex, when an ObjectId) was `lastId`. `{ lastId: null, position: 0 }`
 * reads from the start.
 */
export type ResumePoint = { lastId: string | null; position: number }

/** The start of a collection. */
export const FROM_START: ResumePoint = { lastId: null, position: 0 }

/**
 * Legacy documents, from a mongodump folder or a live MongoDB. Both yield a
 * collection's documents in a stable order starting after a checkpoint, so
 * everything after the cursor is the same code.
 */
export interface LegacySource {
  /** What is read, for logs and to match a resumed run (no credentials). */
  readonly label: string
  /** Fails with one clear line when the source cannot be read. */
  open(): Promise<void>
  /** How many documents `collection` holds (an estimate for a live database). */
  count(collection: LegacyCollection): Promise<number>
  /** The documents of `collection` after `from`. */
  read(collection: LegacyCollection, from: ResumePoint): AsyncIterable<Document>
  close(): Promise<void>
}
