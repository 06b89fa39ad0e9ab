import type { Connection } from "mariadb"
import type { RecordOf } from "../transform"
import type { LegacyCollection } from "../types"
import { collationKey } from "./target-index"

/** Unique columns besides `legacy_id` that a migrated document claims. */
export type UniqueKind = "product_slug" | "variant_sku" | "order_number"

/** One claim: `owner` is the legacy id (and, for a SKU, the variant position). */
export type UniqueKey = { kind: UniqueKind; key: string; owner: string }

const LABELS: Record<UniqueKind, string> = {
  product_slug: "slug",
  variant_sku: "SKU",
  order_number: "order number",
}

const OWNER_SQL: Record<UniqueKind, string> = {
  product_slug: `SELECT slug AS k, legacy_id AS owner FROM products WHERE slug IN (?)`,
  variant_sku: `SELECT v.sku AS k, CONCAT(p.legacy_id, '#', v.position) AS owner
    FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.sku IN (?)`,
  order_number: `SELECT order_number AS k, legacy_id AS owner FROM orders WHERE order_number IN (?)`,
}

/** Who already holds unique keys: the target, or (in a dry run) memory. */
export interface KeyOwners {
  /** Holders of `keys` of `kind`, by collation key. */
  owners(kind: UniqueKind, keys: string[]): Promise<Map<string, string>>
  /** Records keys a dry run kept (the target records them by itself). */
  claim(keys: UniqueKey[]): void
}

/** Key holders read from the target tables. */
export class TargetKeyOwners implements KeyOwners {
  constructor(private readonly connection: Connection) {}

  async owners(kind: UniqueKind, keys: string[]) {
    const rows: { k: string; owner: string }[] = keys.length
      ? await this.connection.query(OWNER_SQL[kind], [keys])
      : []
    return new Map(rows.map((row) => [collationKey(row.k), row.owner]))
  }

  claim(): void {}
}

/** Key holders a dry run remembers, since it writes nothing. */
export class MemoryKeyOwners implements KeyOwners {
  private held = new Map<string, string>()

  async owners(kind: UniqueKind, keys: string[]) {
    const found = new Map<string, string>()
    for (const key of keys) {
      const owner = this.held.get(`${kind}:${collationKey(key)}`)
      if (owner) {
        found.set(collationKey(key), owner)
      }
    }
    return found
  }

  claim(keys: UniqueKey[]): void {
    keys.forEach((k) =>
      this.held.set(`${k.kind}:${collationKey(k.key)}`, k.owner)
    )
  }
}

/**
 * Key holders as the target will be once the batch being stored commits:
 * its claims count already, for the batch prepared meanwhile.
 */
export class PendingKeyOwners implements KeyOwners {
  private pending = new Map<string, string>()

  constructor(
    private readonly base: KeyOwners,
    claims: UniqueKey[]
  ) {
    claims.forEach((k) =>
      this.pending.set(`${k.kind}:${collationKey(k.key)}`, k.owner)
    )
  }

  async owners(kind: UniqueKind, keys: string[]) {
    const found = await this.base.owners(kind, keys)
    for (const key of keys) {
      const owner = this.pending.get(`${kind}:${collationKey(key)}`)
      if (owner) {
        found.set(collationKey(key), owner)
      }
    }
    return found
  }

  claim(keys: UniqueKey[]): void {
    this.base.claim(keys)
  }
}

/** The unique keys a record claims. */
export function uniqueKeysOf(record: RecordOf[LegacyCollection]): UniqueKey[] {
  if ("slug" in record) {
    return [
      { kind: "product_slug", key: record.slug, owner: record.legacyId },
      ...record.variants.map((v) => ({
        kind: "variant_sku" as const,
        key: v.sku,
        owner: `${record.legacyId}#${v.position}`,
      })),
    ]
  }
  if ("orderNumber" in record) {
    return [
      { kind: "order_number", key: record.orderNumber, owner: record.legacyId },
    ]
  }
  return []
}

/** The legacy id of a key's owner, without the variant position. */
function ownerDocument(owner: string): string {
  return owner.split("#")[0]
}

function describeOwner(kind: UniqueKind, owner: string): string {
  const [legacyId, position] = owner.split("#")
  const what = kind === "order_number" ? "order" : "product"
  return position === undefined
    ? `${what} ${legacyId}`
    : `${what} ${legacyId} (variant ${position})`
}

/**
 * Which of `claims` (one list per record) would take a unique key another
 * document holds, in the target or earlier in the batch: record index →
 * detail. A document may take back its own keys (a SKU whose variant moved
 * within its product), but not repeat one. Records are checked in order; a
 * refused one claims nothing.
 */
export async function findKeyConflicts(
  claims: UniqueKey[][],
  owners: KeyOwners
): Promise<Map<number, string>> {
  const byKind = new Map<UniqueKind, Set<string>>()
  claims.flat().forEach(({ kind, key }) => {
    const keys = byKind.get(kind) ?? new Set<string>()
    byKind.set(kind, keys.add(key))
  })
  const held = new Map<string, string>()
  for (const [kind, keys] of byKind) {
    const found = await owners.owners(kind, [...keys])
    found.forEach((owner, key) => held.set(`${kind}:${key}`, owner))
  }
  const conflicts = new Map<number, string>()
  claims.forEach((keys, index) => {
    const mine = new Map<string, string>()
    for (const k of keys) {
      const slot = `${k.kind}:${collationKey(k.key)}`
      const holder = held.get(slot)
      const owner =
        mine.get(slot) ??
        (holder && ownerDocument(holder) !== ownerDocument(k.owner)
          ? holder
          : undefined)
      if (owner !== undefined && owner !== k.owner) {
        conflicts.set(
          index,
          `${LABELS[k.kind]} "${k.key}" already belongs to ${describeOwner(k.kind, owner)}`
        )
        return
      }
      mine.set(slot, k.owner)
    }
    mine.forEach((owner, slot) => held.set(slot, owner))
  })
  return conflicts
}
