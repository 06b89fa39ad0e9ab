import { rm } from "fs/promises"
import { EJSON, ObjectId } from "bson"
import { prepareBatch } from "../load/prepare-batch"
import { quarantineKey, rawDocument } from "../load/quarantine"
import { TargetIndex } from "../load/target-index"
import type { MigrationTarget } from "../load/targets"
import { insertStatement, statementGroups } from "../load/sql"
import {
  findKeyConflicts,
  MemoryKeyOwners,
  type UniqueKey,
} from "../load/unique-keys"
import { openSource } from "../run/connections"
import { migrateLegacyStore } from "../run/migrate"
import { emptyProgress } from "../run/progress"
import { LEGACY_COLLECTIONS } from "../types"
import { decimalToCents } from "../utils/money"
import { generateStore } from "./support/fixture"
import { product, user } from "./support/hand-dump"

describe("multi-row statements", () => {
  it("bind every value and update the given columns on a duplicate", () => {
    expect(
      insertStatement("t", ["a", "b"], 2, ["b", "c = LEAST(c, VALUES(c))"])
    ).toBe(
      "INSERT INTO t (a, b) VALUES (?, ?), (?, ?) ON DUPLICATE KEY UPDATE b = VALUES(b), c = LEAST(c, VALUES(c))"
    )
    expect(insertStatement("t", ["a"], 1)).toBe("INSERT INTO t (a) VALUES (?)")
  })

  it("split large batches by rows and by size", () => {
    const rows = Array.from({ length: 7 }, (_, i) => [i, "x".repeat(10)])
    expect(statementGroups(rows, 3).map((g) => g.length)).toEqual([3, 3, 1])
    expect(statementGroups(rows, 100, 80).map((g) => g.length)).toEqual([
      2, 2, 2, 1,
    ])
  })
})

describe("unique keys", () => {
  const slug = (key: string, owner: string): UniqueKey => ({
    kind: "product_slug",
    key,
    owner,
  })
  const sku = (key: string, owner: string): UniqueKey => ({
    kind: "variant_sku",
    key,
    owner,
  })

  it("refuse a key another document holds, compared without case or accents", async () => {
    const owners = new MemoryKeyOwners()
    owners.claim([slug("eclair", "p1")])
    const conflicts = await findKeyConflicts(
      [[slug("ÉCLAIR", "p2")], [slug("tarte", "p3")], [slug("Tarte", "p4")]],
      owners
    )
    expect([...conflicts]).toEqual([
      [0, 'slug "ÉCLAIR" already belongs to product p1'],
      [2, 'slug "Tarte" already belongs to product p3'],
    ])
  })

  it("let a document keep its own keys, but not repeat one", async () => {
    const owners = new MemoryKeyOwners()
    owners.claim([slug("eclair", "p1"), sku("A", "p1#0")])
    const conflicts = await findKeyConflicts(
      [
        [slug("eclair", "p1"), sku("A", "p1#0")],
        [slug("chou", "p2"), sku("B", "p2#0"), sku("b", "p2#1")],
      ],
      owners
    )
    expect([...conflicts]).toEqual([
      [1, 'SKU "b" already belongs to product p2 (variant 0)'],
    ])
  })

  it("let a document move its own SKUs between its variants", async () => {
    const owners = new MemoryKeyOwners()
    owners.claim([sku("A", "p1#0"), sku("B", "p1#1"), sku("C", "p2#0")])
    const conflicts = await findKeyConflicts(
      [[sku("B", "p1#0"), sku("A", "p1#1")], [sku("C", "p3#1")]],
      owners
    )
    expect([...conflicts]).toEqual([
      [1, 'SKU "C" already belongs to product p2 (variant 0)'],
    ])
  })
})

describe("a batch prepared while the previous one is still being stored", () => {
  // The target knows nothing yet: the previous batch has not committed.
  const target: MigrationTarget = {
    keyOwners: { owners: async () => new Map(), claim: () => undefined },
    indexFor: async () => new TargetIndex(),
    commit: async () => undefined,
  }

  it("counts that batch's emails as taken", async () => {
    const first = await prepareBatch(
      "users",
      [user(1, [])],
      target,
      emptyProgress()
    )
    const second = await prepareBatch(
      "users",
      [{ ...user(2, []), email: "CLIENT1@example.fr" }, user(3, [])],
      target,
      first.progress,
      first
    )
    expect(second.refused.map((r) => r.reason)).toEqual(["duplicate_email"])
    expect(second.progress).toMatchObject({
      processed: 3,
      migrated: 2,
      quarantined: 1,
    })
  })

  it("counts that batch's slugs and SKUs as taken", async () => {
    const first = await prepareBatch(
      "products",
      [product(1, "eclair", ["A"])],
      target,
      emptyProgress()
    )
    const second = await prepareBatch(
      "products",
      [
        product(2, "Eclair", ["B"]),
        product(3, "chou", ["a"]),
        product(4, "flan", ["F"]),
      ],
      target,
      first.progress,
      first
    )
    expect(second.refused.map((r) => r.detail)).toEqual([
      expect.stringContaining('slug "Eclair" already belongs'),
      expect.stringContaining('SKU "a" already belongs'),
    ])
    expect(second.records.map((r) => r.slug)).toEqual(["flan"])
  })
})

describe("quarantine keys", () => {
  it("use the ObjectId, another _id as Extended JSON, or a hash", () => {
    const id = new ObjectId()
    const keyOf = (d: object) => quarantineKey(d, rawDocument(d))
    expect(keyOf({ _id: id, a: 1 })).toBe(id.toHexString())
    expect(keyOf({ _id: 42 })).toBe('{"$numberInt":"42"}')
    expect(keyOf({ a: 1 })).toMatch(/^sha1:[0-9a-f]{40}$/)
    expect(keyOf({ a: 1 })).toBe(keyOf({ a: 1 }))
    expect(EJSON.parse(rawDocument({ _id: id }))).toEqual({ _id: id })
  })
})

it("reads DECIMAL values as cents", () => {
  expect(decimalToCents("1234.50")).toBe(123450)
  expect(decimalToCents("-0.07")).toBe(-7)
  expect(decimalToCents("12")).toBe(1200)
})

describe("a dry run of a generated store", () => {
  it("finds what the manifest says, without a database", async () => {
    const { dir, manifest } = await generateStore("dry-unit")
    try {
      const source = await openSource({ kind: "dump", path: dir })
      const report = await migrateLegacyStore({
        source,
        pool: null,
        database: "unused",
        dryRun: true,
        batchSize: 97,
      })
      await source.close()
      for (const collection of LEGACY_COLLECTIONS) {
        const expected = manifest.collections[collection]
        const entry = report.collections.find(
          (c) => c.collection === collection
        )
        expect(entry).toMatchObject({
          read: expected.documents,
          written: expected.migrated,
          quarantined: expected.quarantined,
          conversions: expected.conversions,
        })
        expect(entry?.reasons).toEqual(
          Object.fromEntries(
            Object.entries(expected.problems).map(([r, p]) => [r, p.count])
          )
        )
      }
      const orders = report.collections.find((c) => c.collection === "orders")
      expect(orders?.sums.totalCents.source).toBe(
        manifest.collections.orders.totals.totalCents
      )
      expect(report.ok).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
