import { rm } from "fs/promises"
import { join } from "path"
import { EJSON, type Document } from "bson"
import bcrypt from "bcryptjs"
import type { Connection } from "mariadb"
import { deployMigrations } from "../deploy/deploy"
import { readDumpCollection } from "../dump/read-dump"
import type { FixtureManifest } from "../fixture/manifest"
import { FIXTURE_PASSWORDS } from "../fixture/passwords"
import { LEGACY_COLLECTIONS, type LegacyCollection } from "../types"
import { runCli, type CliResult } from "./support/cli"
import { generateStore } from "./support/fixture"
import {
  connectServer,
  databaseUrl,
  rowCounts,
  tableChecksums,
  uniqueDatabase,
} from "./support/mysql"

jest.setTimeout(60_000)

const database = uniqueDatabase("store")
const dryDatabase = uniqueDatabase("store_dry")
const TABLES: Record<LegacyCollection, string> = {
  products: "products",
  users: "customers",
  orders: "orders",
  reviews: "reviews",
  loyaltytransactions: "loyalty_transactions",
  flashsales: "flash_sales",
}

let admin: Connection
let dir: string
let manifest: FixtureManifest
let first: CliResult

async function one(sql: string, params: unknown[] = []) {
  const [row] = await admin.query(sql, params)
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, Number(value)])
  )
}

async function dumpDocuments(collection: LegacyCollection) {
  const documents: Document[] = []
  const file = join(dir, "klelite", `${collection}.bson`)
  for await (const document of readDumpCollection(file)) {
    documents.push(document)
  }
  return documents
}

beforeAll(async () => {
  admin = await connectServer()
  ;({ dir, manifest } = await generateStore("store"))
  first = await runCli([
    "--dump",
    dir,
    "--mysql",
    databaseUrl(database),
    "--batch-size",
    "150",
  ])
})

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
  await admin.query(`DROP DATABASE IF EXISTS \`${dryDatabase}\``)
  await admin.end()
  await rm(dir, { recursive: true, force: true })
})

describe("stage 1 of a generated store", () => {
  it("migrates the store and reports source and target sums agreeing", () => {
    expect(first.stderr).not.toContain("[klelite]")
    expect(first.code).toBe(0)
    expect(first.report).toMatchObject({ ok: true, dryRun: false })
    for (const entry of first.report?.collections ?? []) {
      expect(Object.values(entry.sums).every((sum) => sum.ok)).toBe(true)
    }
  })

  it.each(LEGACY_COLLECTIONS)(
    "writes every valid %s document and quarantines each planted one for its reason",
    async (collection) => {
      const expected = manifest.collections[collection]
      const entry = first.report?.collections.find(
        (c) => c.collection === collection
      )
      expect(entry).toMatchObject({
        read: expected.documents,
        skipped: 0,
        written: expected.migrated,
        quarantined: expected.quarantined,
      })
      const { n } = await one(
        `SELECT COUNT(*) AS n FROM \`${database}\`.${TABLES[collection]}`
      )
      expect(n).toBe(expected.migrated)

      const rows: { legacy_id: string; reason: string }[] = await admin.query(
        `SELECT legacy_id, reason FROM \`${database}\`.quarantine_records
         WHERE collection = ? ORDER BY id`,
        [collection]
      )
      const byReason: Record<string, string[]> = {}
      rows.forEach((row) => (byReason[row.reason] ??= []).push(row.legacy_id))
      const planted = Object.fromEntries(
        Object.entries(expected.problems).map(([reason, p]) => [reason, p.ids])
      )
      expect(byReason).toEqual(planted)
    }
  )

  it("keeps the counts and sums of the manifest", async () => {
    const c = manifest.collections
    const db = `\`${database}\``
    expect(
      await one(`SELECT SUM(total) * 100 AS total, SUM(subtotal) * 100 AS subtotal,
        (SELECT COUNT(*) FROM ${db}.order_items) AS items,
        (SELECT COUNT(*) FROM ${db}.order_status_events) AS events
        FROM ${db}.orders`)
    ).toEqual({
      total: c.orders.totals.totalCents,
      subtotal: c.orders.totals.subtotalCents,
      items: c.orders.totals.items,
      events: c.orders.totals.statusEvents,
    })
    expect(
      await one(`SELECT SUM(loyalty_points) AS points,
        (SELECT COUNT(*) FROM ${db}.customer_addresses) AS addresses,
        (SELECT COUNT(*) FROM ${db}.wishlist_items) AS wishes
        FROM ${db}.customers`)
    ).toEqual({
      points: c.users.totals.loyaltyPoints,
      addresses: c.users.totals.addresses,
      wishes: c.users.totals.wishlistItems,
    })
    expect(
      await one(`SELECT SUM(price) * 100 AS price, COUNT(*) AS variants,
        (SELECT COUNT(*) FROM ${db}.categories) AS categories
        FROM ${db}.product_variants`)
    ).toEqual({
      price: c.products.totals.variantPriceCents,
      variants: c.products.totals.variants,
      categories: c.products.distinct.categories.length,
    })
    expect(
      await one(`SELECT SUM(rating) AS rating FROM ${db}.reviews`)
    ).toEqual({ rating: c.reviews.totals.ratingSum })
    expect(
      await one(`SELECT SUM(points) AS points, COUNT(order_id) AS withOrder
        FROM ${db}.loyalty_transactions`)
    ).toEqual({
      points: c.loyaltytransactions.totals.points,
      withOrder: c.loyaltytransactions.totals.withOrder,
    })
    expect(
      await one(`SELECT COUNT(*) AS items FROM ${db}.flash_sale_items`)
    ).toEqual({ items: c.flashsales.totals.items })
  })

  it("keeps soft-deleted documents, with their deletion date", async () => {
    for (const collection of LEGACY_COLLECTIONS) {
      if (collection === "loyaltytransactions") {
        continue
      }
      const { n } = await one(
        `SELECT COUNT(*) AS n FROM \`${database}\`.${TABLES[collection]}
         WHERE deleted_at IS NOT NULL`
      )
      expect([collection, n]).toEqual([
        collection,
        manifest.collections[collection].softDeleted,
      ])
    }
  })

  it("stores each refused document verbatim as Extended JSON", async () => {
    const [row] = await admin.query(
      `SELECT legacy_id, raw_document FROM \`${database}\`.quarantine_records
       WHERE collection = 'orders' LIMIT 1`
    )
    const raw = EJSON.parse(row.raw_document, { relaxed: false })
    expect(String(raw._id)).toBe(row.legacy_id)
    const original = (await dumpDocuments("orders")).find(
      (d) => String(d._id) === row.legacy_id
    )
    expect(EJSON.stringify(raw, { relaxed: false })).toBe(
      EJSON.stringify(original, { relaxed: false })
    )
  })

  it("keeps each customer's legacy bcrypt hash unchanged", async () => {
    const users = await dumpDocuments("users")
    const passwords = new Map(
      users.map((u) => [String(u._id), String(u.password)])
    )
    const rows: { legacy_id: string; password_hash: string }[] =
      await admin.query(
        `SELECT legacy_id, password_hash FROM \`${database}\`.customers`
      )
    const known = new Set(FIXTURE_PASSWORDS.map((p) => p.hash))
    for (const row of rows) {
      expect(row.password_hash).toBe(passwords.get(row.legacy_id))
      expect(known.has(row.password_hash)).toBe(true)
    }
  })

  it("keeps hashes a migrated customer's password still matches, and a wrong one does not", async () => {
    const rows: { password_hash: string }[] = await admin.query(
      `SELECT password_hash FROM \`${database}\`.customers ORDER BY id LIMIT 3`
    )
    for (const { password_hash } of rows) {
      const entry = FIXTURE_PASSWORDS.find((p) => p.hash === password_hash)
      const other = FIXTURE_PASSWORDS.find((p) => p.hash !== password_hash)
      expect(bcrypt.compareSync(entry?.password ?? "", password_hash)).toBe(
        true
      )
      expect(bcrypt.compareSync(other?.password ?? "", password_hash)).toBe(
        false
      )
    }
  })

  it("changes nothing when run again", async () => {
    const before = await tableChecksums(admin, database)
    const again = await runCli([
      "--dump",
      dir,
      "--mysql",
      databaseUrl(database),
    ])
    expect(again.code).toBe(0)
    expect(again.report).toMatchObject({ ok: true, resumed: false })
    expect(await tableChecksums(admin, database)).toEqual(before)
    const runs = await admin.query(
      `SELECT status FROM \`${database}\`.migration_runs`
    )
    expect(runs).toEqual([{ status: "completed" }, { status: "completed" }])
  })

  it("writes nothing in a dry run, and reports what would migrate", async () => {
    const url = databaseUrl(dryDatabase)
    await deployMigrations({ url })
    const dry = await runCli(["--dump", dir, "--mysql", url, "--dry-run"])
    expect(dry.code).toBe(0)
    expect(dry.report?.dryRun).toBe(true)
    for (const collection of LEGACY_COLLECTIONS) {
      const entry = dry.report?.collections.find(
        (c) => c.collection === collection
      )
      expect(entry).toMatchObject({
        written: manifest.collections[collection].migrated,
        quarantined: manifest.collections[collection].quarantined,
      })
    }
    const counts = await rowCounts(admin, dryDatabase)
    expect(Object.values(counts).every((n) => n === 0)).toBe(true)
    expect(Object.keys(counts)).toHaveLength(17)
  })
})
