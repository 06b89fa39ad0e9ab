import { cp, readFile, rm, writeFile } from "fs/promises"
import { join } from "path"
import { createMedusaContainer, MedusaError } from "@medusajs/framework/utils"
import { createPool, type Connection } from "mariadb"
import { parseMysqlUrl } from "../deploy/mysql-url"
import { migrateLegacyStoreWorkflow } from "../../../workflows/legacy-migration/migrate-legacy-store"
import type { FixtureManifest } from "../fixture/manifest"
import { migrationLockName, withMigrationLock } from "../run/lock"
import { LEGACY_COLLECTIONS } from "../types"
import { generateStore } from "./support/fixture"
import { connectServer, databaseUrl, uniqueDatabase } from "./support/mysql"

jest.setTimeout(60_000)

const database = uniqueDatabase("workflow")
const broken = uniqueDatabase("workflow_broken")
const guarded = uniqueDatabase("workflow_guarded")
const COUNTS = {
  users: 120,
  products: 30,
  orders: 400,
  reviews: 100,
  loyaltytransactions: 150,
  flashsales: 10,
}

// Its first element gets an unknown BSON type: the length prefixes stay
// right, so the dump is only found broken when that document is read.
const BAD_ORDER = 250

function corrupt(dump: Buffer, index: number): Buffer {
  const copy = Buffer.from(dump)
  let offset = 0
  for (let i = 0; i < index; i++) {
    offset += copy.readInt32LE(offset)
  }
  copy[offset + 4] = 0x42
  return copy
}

let admin: Connection
let dir: string
let brokenDir: string
let manifest: FixtureManifest

function run(dump: string, db: string) {
  return migrateLegacyStoreWorkflow(createMedusaContainer()).run({
    input: {
      source: { kind: "dump", path: dump },
      mysql_url: databaseUrl(db),
      batch_size: 50,
    },
    throwOnError: false,
  })
}

beforeAll(async () => {
  admin = await connectServer()
  ;({ dir, manifest } = await generateStore("workflow", COUNTS))
  brokenDir = `${dir}-broken`
  await cp(dir, brokenDir, { recursive: true })
})

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
  await admin.query(`DROP DATABASE IF EXISTS \`${broken}\``)
  await admin.query(`DROP DATABASE IF EXISTS \`${guarded}\``)
  await admin.end()
  await rm(dir, { recursive: true, force: true })
  await rm(brokenDir, { recursive: true, force: true })
})

describe("migrate-legacy-store workflow", () => {
  it("migrates the store and returns the report", async () => {
    const { result, errors } = await run(dir, database)
    expect(errors).toEqual([])
    expect(result.ok).toBe(true)
    for (const collection of LEGACY_COLLECTIONS) {
      expect(
        result.collections.find((c) => c.collection === collection)
      ).toMatchObject({
        written: manifest.collections[collection].migrated,
        quarantined: manifest.collections[collection].quarantined,
      })
    }
  })

  it("leaves a failed run resumable, with its lock free, and resumes it", async () => {
    const orders = join(brokenDir, "klelite", "orders.bson")
    const whole = await readFile(orders)
    await writeFile(orders, corrupt(whole, BAD_ORDER))

    const failed = await run(brokenDir, broken)
    expect(failed.errors.map((e) => e.error.message)).toEqual([
      expect.stringContaining(
        `orders.bson: document ${BAD_ORDER + 1} is not valid BSON`
      ),
    ])
    const [runRow] = await admin.query(
      `SELECT status FROM \`${broken}\`.migration_runs`
    )
    expect(runRow.status).toBe("failed")
    const checkpoints = await admin.query(
      `SELECT collection, processed_count FROM \`${broken}\`.migration_checkpoints
       ORDER BY id`
    )
    expect(
      checkpoints.map((c: { collection: string }) => c.collection)
    ).toEqual(["products", "users", "orders"])
    expect(Number(checkpoints[2].processed_count)).toBe(BAD_ORDER)
    const [{ free }] = await admin.query(`SELECT IS_FREE_LOCK(?) AS free`, [
      migrationLockName(broken),
    ])
    expect(Number(free)).toBe(1)

    await writeFile(orders, whole)
    const resumed = await run(brokenDir, broken)
    expect(resumed.errors).toEqual([])
    expect(resumed.result).toMatchObject({ ok: true, resumed: true })
    const ordersReport = resumed.result.collections.find(
      (c) => c.collection === "orders"
    )
    expect(ordersReport?.skipped).toBe(Number(checkpoints[2].processed_count))
    expect(ordersReport?.written).toBe(manifest.collections.orders.migrated)
  })

  it("holds the migration lock from the run's start to its report, refusing every other start", async () => {
    const name = migrationLockName(guarded)
    const { host, port, user, password } = parseMysqlUrl(databaseUrl(guarded))
    const rival = createPool({ host, port, user, password, connectionLimit: 1 })
    let finished = false
    const running = run(dir, guarded).finally(() => (finished = true))
    const refused: unknown[] = []
    const slipped: string[] = []
    try {
      let holder: unknown = null
      while (!finished && holder === null) {
        ;[{ holder }] = await admin.query(`SELECT IS_USED_LOCK(?) AS holder`, [
          name,
        ])
      }
      // Another migration tries to start for as long as the run lasts; one
      // that got in before the report would write beside it.
      while (!finished) {
        await withMigrationLock(rival, guarded, async () => {
          const [{ done }] = await admin.query(
            `SELECT COUNT(*) AS done FROM \`${guarded}\`.migration_runs
             WHERE status = 'completed'`
          )
          if (!Number(done)) {
            slipped.push("started while the run was under way")
          }
        }).catch((error) => refused.push(error))
      }
    } finally {
      await rival.end()
    }
    const { result, errors } = await running
    expect(errors).toEqual([])
    expect(result.ok).toBe(true)
    expect(slipped).toEqual([])
    expect(refused.length).toBeGreaterThan(0)
    for (const error of refused) {
      expect(error).toMatchObject({ type: MedusaError.Types.CONFLICT })
    }
  })
})
