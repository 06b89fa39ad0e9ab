import { cp, mkdtemp, readdir, rm } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import type { Connection } from "mariadb"
import { DEFAULT_MIGRATIONS_DIR, deployMigrations } from "../deploy/deploy"
import { connectServer, databaseUrl, uniqueDatabase } from "./support/mysql"

jest.setTimeout(60_000)

const INIT = "20261125221500_init"
const DEDUPE = "20261126085900_quarantine_dedupe_documents"
const UNIQUE = "20261126090000_quarantine_unique_document"

let admin: Connection
const databases: string[] = []
const tempDirs: string[] = []

/** A copy of prisma/migrations holding only the folders `keep` accepts. */
async function migrationsWhere(keep: (name: string) => boolean) {
  const dir = await mkdtemp(join(tmpdir(), "klelite-quarantine-"))
  tempDirs.push(dir)
  await cp(
    join(DEFAULT_MIGRATIONS_DIR, "migration_lock.toml"),
    join(dir, "migration_lock.toml")
  )
  for (const entry of await readdir(DEFAULT_MIGRATIONS_DIR, {
    withFileTypes: true,
  })) {
    if (entry.isDirectory() && keep(entry.name)) {
      await cp(
        join(DEFAULT_MIGRATIONS_DIR, entry.name),
        join(dir, entry.name),
        {
          recursive: true,
        }
      )
    }
  }
  return dir
}

function newDatabase(prefix: string) {
  const database = uniqueDatabase(prefix)
  databases.push(database)
  return { database, url: databaseUrl(database) }
}

type Row = [string, string | null, string, string | null, string, string]

/** Inserts quarantine rows: run, legacy id, reason, detail, document, date. */
async function quarantine(database: string, collection: string, rows: Row[]) {
  await admin.query(
    `INSERT IGNORE INTO \`${database}\`.migration_runs (id) VALUES ${rows
      .map(() => "(?)")
      .join(", ")}`,
    rows.map(([run]) => run)
  )
  for (const [run, legacyId, reason, detail, raw, date] of rows) {
    await admin.query(
      `INSERT INTO \`${database}\`.quarantine_records
         (run_id, collection, legacy_id, reason, detail, raw_document, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [run, collection, legacyId, reason, detail, raw, date]
    )
  }
}

async function quarantineRows(database: string) {
  return admin.query(
    `SELECT id, run_id, collection, legacy_id, reason, detail, raw_document
     FROM \`${database}\`.quarantine_records ORDER BY id`
  )
}

async function uniqueIndexColumns(database: string) {
  const rows: { column_name: string }[] = await admin.query(
    `SELECT column_name FROM information_schema.statistics
     WHERE table_schema = ? AND table_name = 'quarantine_records'
       AND index_name = 'quarantine_records_collection_legacy_id_key'
       AND non_unique = 0
     ORDER BY seq_in_index`,
    [database]
  )
  return rows.map((row) => row.column_name)
}

// The same document refused by three runs, another refused twice within one
// run (same date), plus rows that are no duplicates: another collection, and
// documents without an id (NULLs never collide in a unique index).
const PRODUCT_A = "5d17c947124a0ce28c00003e"
const DUPLICATED: Record<string, Row[]> = {
  products: [
    ["run-1", PRODUCT_A, "invalid_price", "price -1", '{"v":1}', "2026-01-01"],
    ["run-2", PRODUCT_A, "invalid_slug", "slug ''", '{"v":2}', "2026-01-02"],
    ["run-3", PRODUCT_A, "missing_name", null, '{"v":3}', "2026-01-03"],
    ["run-1", null, "missing_id", "no _id", '{"n":1}', "2026-01-01"],
    ["run-2", null, "missing_id", "no _id", '{"n":2}', "2026-01-02"],
  ],
  users: [
    ["run-1", PRODUCT_A, "invalid_email", "email", '{"u":1}', "2026-01-01"],
  ],
  orders: [
    ["run-1", "o-1", "orphan", "first", '{"o":1}', "2026-01-01 10:00:00"],
    ["run-1", "o-1", "orphan", "second", '{"o":2}', "2026-01-01 10:00:00"],
  ],
}

async function insertDuplicates(database: string) {
  for (const [collection, rows] of Object.entries(DUPLICATED)) {
    await quarantine(database, collection, rows)
  }
}

beforeAll(async () => {
  admin = await connectServer()
})

afterAll(async () => {
  for (const database of databases) {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
  }
  await admin.end()
  await Promise.all(
    tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))
  )
})

describe("quarantine_records unique index on a target holding duplicates", () => {
  it("deploys from the initial schema, keeping one merged row per document", async () => {
    const { database, url } = newDatabase("quarantine_init")
    await deployMigrations({
      url,
      migrationsDir: await migrationsWhere((name) => name === INIT),
    })
    await insertDuplicates(database)

    const deployed = await deployMigrations({ url })

    expect(deployed.applied).toEqual(expect.arrayContaining([DEDUPE, UNIQUE]))
    expect(await uniqueIndexColumns(database)).toEqual([
      "collection",
      "legacy_id",
    ])
    expect(await quarantineRows(database)).toEqual([
      {
        id: 1,
        run_id: "run-1",
        collection: "products",
        legacy_id: PRODUCT_A,
        reason: "missing_name",
        detail: null,
        raw_document: '{"v":3}',
      },
      expect.objectContaining({
        id: 4,
        legacy_id: null,
        raw_document: '{"n":1}',
      }),
      expect.objectContaining({
        id: 5,
        legacy_id: null,
        raw_document: '{"n":2}',
      }),
      expect.objectContaining({
        id: 6,
        collection: "users",
        reason: "invalid_email",
      }),
      {
        id: 7,
        run_id: "run-1",
        collection: "orders",
        legacy_id: "o-1",
        reason: "orphan",
        detail: "second",
        raw_document: '{"o":2}',
      },
    ])
  })

  it("deploys after the unique index failed and was marked rolled back", async () => {
    const { database, url } = newDatabase("quarantine_failed")
    const withoutDedupe = await migrationsWhere((name) => name !== DEDUPE)
    await deployMigrations({
      url,
      migrationsDir: await migrationsWhere((name) => name === INIT),
    })
    await insertDuplicates(database)
    await expect(
      deployMigrations({ url, migrationsDir: withoutDedupe })
    ).rejects.toThrow(
      new RegExp(`Migration ${UNIQUE} failed: .*Duplicate entry`)
    )
    await admin.query(
      `UPDATE \`${database}\`._prisma_migrations SET rolled_back_at = UTC_TIMESTAMP(3)
       WHERE migration_name = ? AND finished_at IS NULL`,
      [UNIQUE]
    )

    const deployed = await deployMigrations({ url })

    expect(deployed.applied).toEqual(expect.arrayContaining([DEDUPE, UNIQUE]))
    expect(await uniqueIndexColumns(database)).toEqual([
      "collection",
      "legacy_id",
    ])
    const [{ n }] = await admin.query(
      `SELECT COUNT(*) AS n FROM \`${database}\`.quarantine_records`
    )
    expect(Number(n)).toBe(5)
  })

  it("applies only the merge, which changes nothing, where the unique index is already in place", async () => {
    const { database, url } = newDatabase("quarantine_unique")
    const before = await deployMigrations({
      url,
      migrationsDir: await migrationsWhere((name) => name !== DEDUPE),
    })
    await quarantine(database, "products", [DUPLICATED.products[0]])
    await quarantine(database, "orders", [DUPLICATED.orders[0]])
    const rows = await quarantineRows(database)

    const deployed = await deployMigrations({ url })

    expect(deployed.applied).toEqual([DEDUPE])
    expect(deployed.alreadyApplied).toEqual(
      expect.arrayContaining(before.applied)
    )
    expect(await quarantineRows(database)).toEqual(rows)
  })
})
