import { mkdtemp, rm } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import type { Document } from "bson"
import { readDumpCollection } from "../dump/read-dump"
import { generateFixture } from "../fixture/generate"
import type { FixtureManifest } from "../fixture/manifest"
import {
  MemoryMigratedIndex,
  rememberMigrated,
  transformDocument,
  type RecordOf,
} from "../transform"
import {
  LEGACY_COLLECTIONS,
  type ConversionKind,
  type LegacyCollection,
} from "../types"

type Outcome = {
  migrated: { [C in LegacyCollection]: RecordOf[C][] }
  quarantined: Record<LegacyCollection, Record<string, string[]>>
  conversions: Record<LegacyCollection, Partial<Record<ConversionKind, number>>>
}

let root: string
let manifest: FixtureManifest
let outcome: Outcome

async function migrateInMemory(dir: string): Promise<Outcome> {
  const index = new MemoryMigratedIndex()
  const result = {
    migrated: {},
    quarantined: {},
    conversions: {},
  } as Outcome
  for (const collection of LEGACY_COLLECTIONS) {
    const records: Document[] = []
    const quarantined: Record<string, string[]> = {}
    const conversions: Partial<Record<ConversionKind, number>> = {}
    for await (const document of readDumpCollection(
      join(dir, `${collection}.bson`)
    )) {
      const transformed = transformDocument(collection, document, index)
      rememberMigrated(index, collection, transformed)
      if (transformed.ok) {
        records.push(transformed.record)
        for (const [kind, count] of Object.entries(transformed.conversions)) {
          const key = kind as ConversionKind
          conversions[key] = (conversions[key] ?? 0) + count
        }
      } else {
        const ids = (quarantined[transformed.reason] ??= [])
        ids.push(transformed.legacyId ?? "")
      }
    }
    Object.assign(result.migrated, { [collection]: records })
    result.quarantined[collection] = quarantined
    result.conversions[collection] = conversions
  }
  return result
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const cents = (decimal: string) => Math.round(Number(decimal) * 100)

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "klelite-transform-"))
  manifest = await generateFixture({
    outDir: root,
    seed: 99,
    problemScale: 4,
    counts: {
      users: 900,
      products: 160,
      orders: 1500,
      reviews: 700,
      loyaltytransactions: 800,
      flashsales: 150,
    },
  })
  outcome = await migrateInMemory(join(root, "klelite"))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe("transforms over a generated fixture", () => {
  it.each(LEGACY_COLLECTIONS)(
    "quarantine in %s exactly the planted documents, for the planted reason",
    (collection) => {
      const planted = Object.fromEntries(
        Object.entries(manifest.collections[collection].problems).map(
          ([reason, p]) => [reason, p.ids]
        )
      )
      expect(outcome.quarantined[collection]).toEqual(planted)
      expect(outcome.migrated[collection]).toHaveLength(
        manifest.collections[collection].migrated
      )
    }
  )

  it.each(LEGACY_COLLECTIONS)(
    "convert in %s every value the fixture stored loosely",
    (collection) => {
      expect(outcome.conversions[collection]).toEqual(
        manifest.collections[collection].conversions
      )
    }
  )

  it.each(LEGACY_COLLECTIONS)(
    "keep the soft-deleted documents of %s, with deleted_at",
    (collection) => {
      const records: object[] = outcome.migrated[collection]
      const deleted = records.filter((r) => "deletedAt" in r && r.deletedAt)
      expect(deleted.length).toBe(manifest.collections[collection].softDeleted)
    }
  )

  it("keep the sums of what migrates", () => {
    const {
      users,
      products,
      orders,
      reviews,
      loyaltytransactions,
      flashsales,
    } = outcome.migrated
    const expected = manifest.collections
    expect(sum(orders.map((o) => cents(o.total)))).toBe(
      expected.orders.totals.totalCents
    )
    expect(sum(orders.map((o) => cents(o.subtotal)))).toBe(
      expected.orders.totals.subtotalCents
    )
    expect(sum(orders.map((o) => o.items.length))).toBe(
      expected.orders.totals.items
    )
    expect(sum(orders.map((o) => o.statusEvents.length))).toBe(
      expected.orders.totals.statusEvents
    )
    expect(sum(users.map((u) => u.loyaltyPoints))).toBe(
      expected.users.totals.loyaltyPoints
    )
    expect(sum(users.map((u) => u.addresses.length))).toBe(
      expected.users.totals.addresses
    )
    expect(sum(users.map((u) => u.wishlist.length))).toBe(
      expected.users.totals.wishlistItems
    )
    expect(sum(users.map((u) => u.droppedWishlistItems))).toBe(
      expected.users.totals.wishlistDanglingDropped ?? 0
    )
    expect(sum(products.map((p) => p.variants.length))).toBe(
      expected.products.totals.variants
    )
    expect(
      sum(products.flatMap((p) => p.variants.map((v) => cents(v.price))))
    ).toBe(expected.products.totals.variantPriceCents)
    expect([...new Set(products.map((p) => p.category?.slug))].sort()).toEqual(
      expected.products.distinct.categories
    )
    expect(sum(reviews.map((r) => r.rating))).toBe(
      expected.reviews.totals.ratingSum
    )
    expect(sum(loyaltytransactions.map((t) => t.points))).toBe(
      expected.loyaltytransactions.totals.points
    )
    expect(loyaltytransactions.filter((t) => t.orderLegacyId).length).toBe(
      expected.loyaltytransactions.totals.withOrder
    )
    expect(sum(flashsales.map((s) => s.items.length))).toBe(
      expected.flashsales.totals.items
    )
  })

  it("lower-case emails, leaving one customer per address", () => {
    const emails = outcome.migrated.users.map((u) => u.email)
    expect(emails.every((e) => e === e.toLowerCase())).toBe(true)
    expect(new Set(emails).size).toBe(emails.length)
  })
})
