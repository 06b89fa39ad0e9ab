import type { Connection } from "mariadb"
import {
  MemoryMigratedIndex,
  rememberMigrated,
  type RecordOf,
  type TransformResult,
} from "../transform"
import type {
  MigratedIndex,
  ReferencedCollection,
} from "../transform/references"
import type { LegacyCollection } from "../types"

/** The table each referenced collection migrates to. */
export const REFERENCED_TABLES: Record<ReferencedCollection, string> = {
  users: "customers",
  products: "products",
  orders: "orders",
}

/** The legacy ids (and emails) the documents of a batch point at. */
export type Wanted = Record<ReferencedCollection, Set<string>> & {
  emails: Set<string>
}

/** Nothing wanted yet. */
export function emptyWanted(): Wanted {
  return {
    users: new Set(),
    products: new Set(),
    orders: new Set(),
    emails: new Set(),
  }
}

/**
 * Text as utf8mb4_unicode_ci compares it (closely enough): without case or
 * accents. Two values with the same key collide on a unique index.
 */
export function collationKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
}

/** What a batch's documents are checked against, and where their references point. */
export interface BatchIndex extends MigratedIndex {
  /** Notes a transformed document that later ones of the batch may collide with. */
  remember<C extends LegacyCollection>(
    collection: C,
    result: TransformResult<RecordOf[C]>
  ): void
  /** Records that a user (of a batch still being stored) owns `email`. */
  claimEmail(email: string, legacyId: string): void
  /** The row id of a reference the transform found migrated. */
  rowId(collection: ReferencedCollection, legacyId: string): number
  /** The row id of an optional reference, or null. */
  optionalRowId(
    collection: ReferencedCollection,
    legacyId: string | null
  ): number | null
}

/** What the target holds of a batch's references: row ids and email owners. */
export class TargetIndex implements BatchIndex {
  private ids: Record<ReferencedCollection, Map<string, number>> = {
    users: new Map(),
    products: new Map(),
    orders: new Map(),
  }
  private emails = new Map<string, string>()

  has(collection: ReferencedCollection, legacyId: string): boolean {
    return this.ids[collection].has(legacyId)
  }

  emailOwner(email: string): string | undefined {
    return this.emails.get(collationKey(email))
  }

  claimEmail(email: string, legacyId: string): void {
    this.emails.set(collationKey(email), legacyId)
  }

  remember<C extends LegacyCollection>(
    _collection: C,
    result: TransformResult<RecordOf[C]>
  ): void {
    if (result.ok && "email" in result.record) {
      this.claimEmail(result.record.email, result.legacyId)
    }
  }

  /** Records a row of the target. */
  setRow(collection: ReferencedCollection, legacyId: string, id: number) {
    this.ids[collection].set(legacyId, id)
  }

  rowId(collection: ReferencedCollection, legacyId: string): number {
    const id = this.ids[collection].get(legacyId)
    if (id === undefined) {
      throw new Error(`${collection} ${legacyId} is not in the target`)
    }
    return id
  }

  optionalRowId(
    collection: ReferencedCollection,
    legacyId: string | null
  ): number | null {
    return legacyId ? (this.ids[collection].get(legacyId) ?? null) : null
  }
}

type IdRow = { id: number; legacy_id: string }
type EmailRow = { legacy_id: string; email: string }

/** Reads the row ids and email owners a batch needs, one query per table. */
export async function lookupTargetIndex(
  connection: Connection,
  wanted: Wanted
): Promise<TargetIndex> {
  const index = new TargetIndex()
  for (const collection of Object.keys(
    REFERENCED_TABLES
  ) as ReferencedCollection[]) {
    const ids = [...wanted[collection]]
    if (!ids.length) {
      continue
    }
    const rows: IdRow[] = await connection.query(
      `SELECT id, legacy_id FROM ${REFERENCED_TABLES[collection]} WHERE legacy_id IN (?)`,
      [ids]
    )
    rows.forEach((row) => index.setRow(collection, row.legacy_id, row.id))
  }
  if (wanted.emails.size) {
    const rows: EmailRow[] = await connection.query(
      `SELECT legacy_id, email FROM customers WHERE email IN (?)`,
      [[...wanted.emails]]
    )
    rows.forEach((row) => index.claimEmail(row.email, row.legacy_id))
  }
  return index
}

/**
 * A dry run's index: everything that would have migrated so far, in memory
 * (it grows with the source), since nothing reaches the target.
 */
export class DryRunIndex extends MemoryMigratedIndex implements BatchIndex {
  remember<C extends LegacyCollection>(
    collection: C,
    result: TransformResult<RecordOf[C]>
  ): void {
    rememberMigrated(this, collection, result)
  }

  claimEmail(email: string, legacyId: string): void {
    this.add("users", legacyId, email)
  }

  rowId(): number {
    throw new Error("A dry run has no target rows")
  }

  optionalRowId(): number | null {
    throw new Error("A dry run has no target rows")
  }
}
