import { createHash } from "crypto"
import { mkdtemp, readdir, readFile, rm } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import { Decimal128, type Document } from "bson"
import { readDumpCollection } from "../dump/read-dump"
import type { FixtureCounts } from "../fixture/context"
import { generateFixture, MANIFEST_FILE } from "../fixture/generate"
import type { FixtureManifest } from "../fixture/manifest"
import { FIXTURE_PASSWORDS } from "../fixture/passwords"
import { INVALID_NUMBERS, PROBLEM_RATES } from "../fixture/rates"
import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"

// Generating a few thousand documents twice outlasts jest's 5 s default on a busy machine.
jest.setTimeout(60 * 1000)

const counts: FixtureCounts = {
  users: 800,
  products: 150,
  orders: 1200,
  reviews: 600,
  loyaltytransactions: 700,
  flashsales: 120,
}
// Four times the usual rates, so every kind of problem shows up at this size.
const options = { seed: 2024, counts, problemScale: 4 }

// The contract the fixture plants problems against, restated independently.
const REQUIRED: Record<LegacyCollection, string[]> = {
  users: ["email", "password", "firstName"],
  products: ["name", "price"],
  orders: ["orderNumber", "user", "total"],
  reviews: ["product", "user", "rating"],
  loyaltytransactions: ["user", "type", "points"],
  flashsales: ["name", "startTime", "endTime"],
}

let root: string
let manifest: FixtureManifest
let dump: Record<LegacyCollection, Document[]>

async function readCollection(dir: string, collection: LegacyCollection) {
  const documents: Document[] = []
  for await (const document of readDumpCollection(
    join(dir, `${collection}.bson`)
  )) {
    documents.push(document)
  }
  return documents
}

async function fileHashes(dir: string) {
  const hashes: Record<string, string> = {}
  for (const name of (await readdir(dir)).sort()) {
    hashes[name] = createHash("sha256")
      .update(await readFile(join(dir, name)))
      .digest("hex")
  }
  return hashes
}

function hasInvalidNumber(value: unknown): boolean {
  if (typeof value === "string") {
    return INVALID_NUMBERS.includes(value)
  }
  if (Array.isArray(value)) {
    return value.some(hasInvalidNumber)
  }
  if (value && typeof value === "object" && value.constructor === Object) {
    return Object.values(value).some(hasInvalidNumber)
  }
  return false
}

function cents(value: unknown): number {
  const text = value instanceof Decimal128 ? value.toString() : String(value)
  return Math.round(Number(text) * 100)
}

/** What the migration must decide for each document, derived from the dump alone. */
function observedProblems(collection: LegacyCollection): (string | null)[] {
  const ids = (c: LegacyCollection) =>
    new Set(dump[c].map((d) => d._id.toHexString()))
  const users = ids("users")
  const products = ids("products")
  const emailOwners = new Set<string>()
  return dump[collection].map((doc) => {
    const missing = REQUIRED[collection].some(
      (field) => doc[field] === undefined || doc[field] === null
    )
    if (missing || (collection === "orders" && !doc.items.length)) {
      return "missing_required_field"
    }
    if (hasInvalidNumber(doc)) {
      return "invalid_number"
    }
    if (
      (doc.user && !users.has(doc.user.toHexString())) ||
      (collection === "reviews" && !products.has(doc.product.toHexString()))
    ) {
      return "dangling_reference"
    }
    if (collection === "users") {
      const email = doc.email.toLowerCase()
      if (emailOwners.has(email)) {
        return "duplicate_email"
      }
      emailOwners.add(email)
    }
    return null
  })
}

function plannedProblems(collection: LegacyCollection): (string | null)[] {
  const byId = new Map<string, string>()
  for (const [reason, planted] of Object.entries(
    manifest.collections[collection].problems
  )) {
    planted.ids.forEach((id) => byId.set(id, reason))
  }
  return dump[collection].map((doc) => byId.get(doc._id.toHexString()) ?? null)
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "klelite-fixture-"))
  manifest = await generateFixture({ outDir: join(root, "a"), ...options })
  const dir = join(root, "a", "klelite")
  dump = Object.fromEntries(
    await Promise.all(
      LEGACY_COLLECTIONS.map(async (c) => [c, await readCollection(dir, c)])
    )
  )
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe("generateFixture", () => {
  it("writes the same bytes for the same seed, and others for another seed", async () => {
    await generateFixture({ outDir: join(root, "b"), ...options })
    await generateFixture({ outDir: join(root, "c"), ...options, seed: 2025 })
    const a = await fileHashes(join(root, "a", "klelite"))
    expect(await fileHashes(join(root, "b", "klelite"))).toEqual(a)
    const c = await fileHashes(join(root, "c", "klelite"))
    expect(Object.keys(c)).toEqual(Object.keys(a))
    expect(c["users.bson"]).not.toEqual(a["users.bson"])
  })

  it("writes a mongodump directory with one metadata file per collection", async () => {
    const dir = join(root, "a", "klelite")
    const names = await readdir(dir)
    for (const collection of LEGACY_COLLECTIONS) {
      expect(names).toEqual(
        expect.arrayContaining([
          `${collection}.bson`,
          `${collection}.metadata.json`,
        ])
      )
      const metadata = JSON.parse(
        await readFile(join(dir, `${collection}.metadata.json`), "utf8")
      )
      expect(metadata).toMatchObject({
        collectionName: collection,
        type: "collection",
        uuid: expect.stringMatching(/^[0-9a-f]{32}$/),
      })
      expect(metadata.indexes[0]).toEqual({
        v: { $numberInt: "2" },
        key: { _id: { $numberInt: "1" } },
        name: "_id_",
      })
    }
    expect(
      JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"))
    ).toEqual(manifest)
  })

  it("counts every document once, in dump order of ascending _id", () => {
    for (const collection of LEGACY_COLLECTIONS) {
      const entry = manifest.collections[collection]
      const ids = dump[collection].map((d) => d._id.toHexString())
      expect(ids).toHaveLength(counts[collection])
      expect(entry.documents).toBe(counts[collection])
      expect(entry.migrated + entry.quarantined).toBe(entry.documents)
      expect([...ids].sort()).toEqual(ids)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it.each(LEGACY_COLLECTIONS)(
    "plants in %s exactly the problems the manifest lists",
    (collection) => {
      expect(observedProblems(collection)).toEqual(plannedProblems(collection))
      const planted = Object.keys(
        manifest.collections[collection].problems
      ).sort()
      expect(planted).toEqual(Object.keys(PROBLEM_RATES[collection]).sort())
    }
  )

  it("plants duplicates that differ from the first owner's email only in case", () => {
    const { ids } = manifest.collections.users.problems.duplicate_email ?? {
      ids: [],
    }
    expect(ids.length).toBeGreaterThan(0)
    const emails = dump.users.map((u) => u.email)
    for (const id of ids) {
      const index = dump.users.findIndex((u) => u._id.toHexString() === id)
      const owner = emails.find(
        (e) => e?.toLowerCase() === emails[index].toLowerCase()
      )
      expect(emails.indexOf(owner)).toBeLessThan(index)
      expect(owner).not.toBe(emails[index])
    }
  })

  it("sums what the migrated documents hold", () => {
    const migrated = (collection: LegacyCollection) => {
      const problems = plannedProblems(collection)
      return dump[collection].filter((_, i) => problems[i] === null)
    }
    const orders = migrated("orders")
    const total = orders.reduce((sum, order) => sum + cents(order.total), 0)
    expect(manifest.collections.orders.totals.totalCents).toBe(total)
    expect(manifest.collections.orders.money.total).toBe(
      (total / 100).toFixed(2)
    )
    expect(manifest.collections.orders.totals.items).toBe(
      orders.reduce((n, o) => n + o.items.length, 0)
    )
    expect(manifest.collections.users.totals.loyaltyPoints).toBe(
      migrated("users").reduce(
        (sum, user) => sum + Number(user.loyaltyPoints),
        0
      )
    )
    expect(manifest.collections.reviews.totals.ratingSum).toBe(
      migrated("reviews").reduce(
        (sum, review) => sum + Number(review.rating),
        0
      )
    )
    for (const collection of LEGACY_COLLECTIONS) {
      const softDeleted = migrated(collection).filter(
        (doc) => doc.deletedAt instanceof Date
      )
      expect(manifest.collections[collection].softDeleted).toBe(
        softDeleted.length
      )
    }
  })

  it("mixes the value shapes a migration must convert", () => {
    const { users, products, orders } = manifest.collections
    expect(users.conversions).toEqual({
      numericString: expect.any(Number),
      isoDateString: expect.any(Number),
      dmyDateString: expect.any(Number),
    })
    expect(products.conversions.decimal128).toBeGreaterThan(0)
    expect(orders.conversions.numericString).toBeGreaterThan(0)
    expect(products.distinct.categories).toHaveLength(7)
    const dates = dump.users
      .map((u) => u.createdAt)
      .filter((d) => typeof d === "string")
    expect(dates.some((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d))).toBe(true)
    expect(dates.some((d) => /^\d{4}-\d{2}-\d{2}T/.test(d))).toBe(true)
    const hashes = new Set(FIXTURE_PASSWORDS.map((p) => p.hash))
    expect(
      dump.users.every((u) => u.password == null || hashes.has(u.password))
    ).toBe(true)
  })

  it("rejects counts a 3-byte ObjectId counter cannot number", async () => {
    await expect(
      generateFixture({
        outDir: join(root, "d"),
        seed: 1,
        counts: { ...counts, orders: 2 ** 24 },
      })
    ).rejects.toThrow("orders: expected a document count from 0 to 16777215")
  })
})
