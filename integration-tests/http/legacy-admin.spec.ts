import { cp, mkdtemp, readFile, rm, writeFile } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance, AxiosResponse } from "axios"
import { SMALL_STORE } from "../../src/modules/legacy-migration/__tests__/support/fixture"
import {
  connectServer,
  databaseUrl,
  uniqueDatabase,
} from "../../src/modules/legacy-migration/__tests__/support/mysql"
import { MIGRATE_LOCK_NAME } from "../../src/modules/legacy-migration/deploy/sql"
import { migrationLockName } from "../../src/modules/legacy-migration/run/lock"
import type { AdminMigrationRun } from "../../src/modules/legacy-migration/run/admin-view"
import { readStoredRun } from "../../src/modules/legacy-migration/run/read-admin-runs"
import { LEGACY_COLLECTIONS } from "../../src/modules/legacy-migration/types"
import { ensureAdminUser } from "../../src/scripts/seed/admin-user"
import { legacySuite } from "../utils/legacy-suite"
import { waitFor } from "../utils/wait-for"
import { loginAdmin } from "../utils/seeded-store"

jest.setTimeout(6 * 60 * 1000)

type Headers = Record<string, string>

const ROUTE = "/admin/legacy-migration/runs"

/** The response of a request expected to fail. */
function failed(request: Promise<AxiosResponse>): Promise<AxiosResponse> {
  return request.then(
    (res) => {
      throw new Error(`Expected an error, got ${res.status}`)
    },
    (error) => error.response
  )
}

const legacy = legacySuite({
  prefix: "admin_http",
  dumps: {
    store: SMALL_STORE,
    big: {
      users: 3000,
      products: 300,
      orders: 20000,
      reviews: 3000,
      loyaltytransactions: 5000,
      flashsales: 100,
    },
  },
})
const database = legacy.database
let notADump: string
let brokenDump: string

/** Gives the `index`-th document of a dump file an unknown BSON type. */
async function corruptDocument(file: string, index: number): Promise<void> {
  const bytes = await readFile(file)
  let offset = 0
  for (let i = 0; i < index; i++) {
    offset += bytes.readInt32LE(offset)
  }
  bytes[offset + 4] = 0x42
  await writeFile(file, bytes)
}

beforeAll(async () => {
  notADump = await mkdtemp(join(tmpdir(), "klelite-not-a-dump-"))
  brokenDump = `${legacy.dumps.store.dir}-broken`
  await cp(legacy.dumps.store.dir, brokenDump, { recursive: true })
  await corruptDocument(join(brokenDump, "klelite", "orders.bson"), 100)
})

afterAll(async () => {
  await rm(notADump, { recursive: true, force: true })
  await rm(brokenDump, { recursive: true, force: true })
})

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: Headers

    beforeAll(async () => {
      await ensureAdminUser(getContainer())
      headers = await loginAdmin(api)
    })

    const start = (body: unknown) => api.post(ROUTE, body, { headers })

    const finished = (client: AxiosInstance, id: string) =>
      waitFor(
        async () => {
          const { data } = await client.get(`${ROUTE}/${id}`, { headers })
          const run: AdminMigrationRun = data.run
          return run.status === "running" ? null : run
        },
        { timeoutMs: 120_000, intervalMs: 200, what: `run ${id} to finish` }
      )

    const databaseExists = async () =>
      (await legacy.mysql.query(`SHOW DATABASES LIKE ?`, [database])).length > 0

    it("lists no runs before the first migration", async () => {
      const { data } = await api.get(ROUTE, { headers })
      expect(data).toEqual({ runs: [], count: 0, limit: 20, offset: 0 })
    })

    it("runs a dry run in the background: report visible, nothing written", async () => {
      const started = await start({
        source: { dump: legacy.dumps.store.dir },
        dry_run: true,
        stage: 1,
      })
      expect(started.status).toBe(202)
      expect(started.data.run).toMatchObject({
        dry_run: true,
        status: "running",
        source: `dump:${legacy.dumps.store.dir}`,
      })

      const run = await finished(api, started.data.run.id)
      expect(run.status).toBe("completed")
      expect(run.report).toMatchObject({
        runId: run.id,
        dryRun: true,
        ok: true,
      })
      for (const collection of LEGACY_COLLECTIONS) {
        const expected = legacy.dumps.store.manifest.collections[collection]
        expect(
          run.collections.find((c) => c.collection === collection)
        ).toMatchObject({
          state: "done",
          read: expected.documents,
          written: expected.migrated,
          quarantined: expected.quarantined,
          skipped: 0,
        })
      }
      expect(await databaseExists()).toBe(false)

      const { data: list } = await api.get(ROUTE, { headers })
      expect(list.runs.map((r: AdminMigrationRun) => r.id)).toEqual([run.id])
      const { data: quarantine } = await api.get(
        `${ROUTE}/${run.id}/quarantine`,
        { headers }
      )
      expect(quarantine).toMatchObject({ records: [], count: 0 })
    })

    it("runs a real migration that writes the store and shows its quarantine", async () => {
      const started = await start({
        source: { dump: legacy.dumps.store.dir },
        dry_run: false,
        stage: 1,
      })
      expect(started.status).toBe(202)
      const run = await finished(api, started.data.run.id)
      expect(run).toMatchObject({ status: "completed", dry_run: false })
      expect(run.report?.ok).toBe(true)

      const [{ orders }] = await legacy.mysql.query(
        `SELECT COUNT(*) AS orders FROM \`${database}\`.orders`
      )
      expect(Number(orders)).toBe(
        legacy.dumps.store.manifest.collections.orders.migrated
      )
      const orderReport = run.report?.collections.find(
        (c) => c.collection === "orders"
      )
      expect(orderReport?.sums.totalCents.target).toBe(
        orderReport?.sums.totalCents.source
      )

      const problems = legacy.dumps.store.manifest.collections.users.problems
      const [reason, planted] = Object.entries(problems)[0]
      const { data } = await api.get(`${ROUTE}/${run.id}/quarantine`, {
        headers,
        params: { collection: "users", limit: 100 },
      })
      expect(data.count).toBe(
        legacy.dumps.store.manifest.collections.users.quarantined
      )
      const record = data.records.find(
        (r: { legacy_id: string }) => r.legacy_id === planted?.ids[0]
      )
      expect(record).toMatchObject({
        collection: "users",
        reason,
        run_id: run.id,
      })
      expect(JSON.parse(record.raw_document)._id).toEqual({
        $oid: planted?.ids[0],
      })

      const { data: page } = await api.get(`${ROUTE}/${run.id}/quarantine`, {
        headers,
        params: { limit: 2, offset: 1 },
      })
      expect(page.records).toHaveLength(2)
      expect(page.count).toBe(
        LEGACY_COLLECTIONS.reduce(
          (sum, c) =>
            sum + legacy.dumps.store.manifest.collections[c].quarantined,
          0
        )
      )

      // Read back from MySQL alone, as after a restart of the server.
      const { data: list } = await api.get(ROUTE, {
        headers,
        params: { limit: 1 },
      })
      expect(list.count).toBe(2)
      expect(list.runs).toHaveLength(1)
      expect(list.runs[0]).toMatchObject({ id: run.id, status: "completed" })
    })

    it("starts one run at a time", async () => {
      const body = {
        source: { dump: legacy.dumps.big.dir },
        dry_run: true,
        stage: 1,
      }
      const [first, second] = await Promise.allSettled([
        start(body),
        start(body),
      ])
      const responses = [first, second].map((outcome) =>
        outcome.status === "fulfilled"
          ? outcome.value
          : (outcome.reason as { response: AxiosResponse }).response
      )
      expect(responses.map((r) => r.status).sort()).toEqual([202, 409])
      const running = responses.find((r) => r.status === 202)
      const refused = responses.find((r) => r.status === 409)
      expect(refused?.data.message).toMatch(
        /A legacy migration is already running/
      )

      const live = await waitFor(
        async () => {
          const { data } = await api.get(`${ROUTE}/${running?.data.run.id}`, {
            headers,
          })
          const orders = data.run.collections.find(
            (c: { collection: string }) => c.collection === "orders"
          )
          return orders.processed > 0 && orders.state === "running"
            ? orders
            : null
        },
        { timeoutMs: 60_000, intervalMs: 50, what: "orders in progress" }
      )
      expect(live.total).toBe(
        legacy.dumps.big.manifest.collections.orders.documents
      )
      expect(live.rate).toBeGreaterThan(0)
      expect(live.eta_seconds).toEqual(expect.any(Number))

      const third = await failed(start(body))
      expect(third.status).toBe(409)
      const run = await finished(api, running?.data.run.id)
      expect(run.status).toBe("completed")
    })

    it("shows a run that fails on the way as failed, with the reason", async () => {
      const started = await start({
        source: { dump: brokenDump },
        dry_run: true,
        stage: 1,
      })
      expect(started.status).toBe(202)
      const run = await finished(api, started.data.run.id)
      expect(run.status).toBe("failed")
      expect(run.error).toMatch(/orders\.bson: document 101 is not valid BSON/)
      expect(run.report).toBeNull()
      const orders = run.collections.find((c) => c.collection === "orders")
      expect(orders?.state).toBe("running")
      expect(
        run.collections.find((c) => c.collection === "products")?.state
      ).toBe("done")
    })

    it("refuses a real run while another migration writes to the target", async () => {
      const holder = await connectServer()
      try {
        await holder.query(`SELECT GET_LOCK(?, 0)`, [
          migrationLockName(database),
        ])
        const { status, data } = await failed(
          start({
            source: { dump: legacy.dumps.store.dir },
            dry_run: false,
            stage: 1,
          })
        )
        expect(status).toBe(409)
        expect(data.message).toMatch(/Another legacy migration is writing/)
      } finally {
        await holder.end()
      }
    })

    it("answers 409, not 400, when the target's schema is being deployed by another migration", async () => {
      const holder = await connectServer()
      try {
        await holder.query(`SELECT GET_LOCK(?, 0)`, [MIGRATE_LOCK_NAME])
        const { status, data } = await failed(
          start({
            source: { dump: legacy.dumps.store.dir },
            dry_run: false,
            stage: 1,
          })
        )
        expect(status).toBe(409)
        expect(data.message).toMatch(/Another migration holds the/)
      } finally {
        await holder.end()
      }
    })

    it("shows a live run the same from MySQL alone, as another server would", async () => {
      const url = process.env.LEGACY_MYSQL_URL
      const other = uniqueDatabase("admin_http_other")
      process.env.LEGACY_MYSQL_URL = databaseUrl(other)
      const ofOrders = (run: AdminMigrationRun | null | undefined) =>
        run?.collections.find((c) => c.collection === "orders")
      try {
        const started = await start({
          source: { dump: legacy.dumps.big.dir },
          dry_run: false,
          stage: 1,
        })
        expect(started.status).toBe(202)
        const id: string = started.data.run.id
        const [live, stored] = await waitFor(
          async () => {
            const stored = await readStoredRun(id)
            const { data } = await api.get(`${ROUTE}/${id}`, { headers })
            const orders = ofOrders(stored)
            return orders?.state === "running" && orders.processed > 0
              ? ([data.run, stored] as const)
              : null
          },
          { timeoutMs: 120_000, intervalMs: 50, what: "orders saved in MySQL" }
        )
        expect(stored).toMatchObject({ id, status: "running", dry_run: false })
        const orders = ofOrders(stored)
        expect(orders?.total).toBe(
          legacy.dumps.big.manifest.collections.orders.documents
        )
        expect(orders?.total).toBe(ofOrders(live)?.total)
        expect(orders?.processed).toBeLessThanOrEqual(
          ofOrders(live)?.processed ?? 0
        )
        expect(orders?.rate).toBeGreaterThan(0)
        expect(orders?.eta_seconds).toEqual(expect.any(Number))
        const done = ["products", "users"]
        const settled = (run: AdminMigrationRun) =>
          run.collections
            .filter((c) => done.includes(c.collection))
            .map(({ rate: _rate, eta_seconds: _eta, ...c }) => c)
        expect(settled(stored as AdminMigrationRun)).toEqual(
          settled(live as AdminMigrationRun)
        )

        const run = await finished(api, id)
        expect(run.status).toBe("completed")
        const after = await readStoredRun(id)
        expect(after?.status).toBe("completed")
        expect(after?.collections).toEqual(run.collections)
      } finally {
        process.env.LEGACY_MYSQL_URL = url
        await legacy.mysql.query(`DROP DATABASE IF EXISTS \`${other}\``)
      }
    })

    describe("bad input and misconfiguration", () => {
      const rejects = async (body: unknown, message: RegExp) => {
        const { status, data } = await failed(start(body))
        expect(status).toBe(400)
        expect(data.message).toMatch(message)
      }

      it("needs exactly one source", async () => {
        await rejects({ dry_run: true, stage: 1 }, /source/)
        await rejects(
          {
            source: {
              dump: legacy.dumps.store.dir,
              mongo: "mongodb://127.0.0.1/klelite",
            },
            dry_run: true,
            stage: 1,
          },
          /source.dump \(a mongodump folder\) or source.mongo, not both/
        )
        await rejects({ source: {}, dry_run: true, stage: 1 }, /not both/)
        await rejects(
          { source: { mongo: "http://legacy" }, dry_run: true, stage: 1 },
          /mongodb:\/\/ URI/
        )
      })

      it("refuses a folder that is not a mongodump", async () => {
        await rejects(
          { source: { dump: notADump }, dry_run: true, stage: 1 },
          /is not a mongodump folder/
        )
        await rejects(
          { source: { dump: join(notADump, "nope") }, dry_run: true, stage: 1 },
          /does not exist/
        )
      })

      it("says when MongoDB cannot be reached, quickly", async () => {
        const began = Date.now()
        await rejects(
          {
            source: { mongo: "mongodb://127.0.0.1:1/klelite" },
            dry_run: true,
            stage: 1,
          },
          /Cannot reach MongoDB at mongodb:\/\/127.0.0.1:1\/klelite/
        )
        expect(Date.now() - began).toBeLessThan(10_000)
      })

      it("says when no MySQL URL is configured", async () => {
        const url = process.env.LEGACY_MYSQL_URL
        delete process.env.LEGACY_MYSQL_URL
        try {
          await rejects(
            {
              source: { dump: legacy.dumps.store.dir },
              dry_run: true,
              stage: 1,
            },
            /LEGACY_MYSQL_URL is not set/
          )
          const { status } = await failed(api.get(ROUTE, { headers }))
          expect(status).toBe(400)
        } finally {
          process.env.LEGACY_MYSQL_URL = url
        }
      })

      it("checks stage, types and extra fields", async () => {
        const source = { dump: legacy.dumps.store.dir }
        await rejects({ source, dry_run: true, stage: 3 }, /stage must be 1/)
        await rejects({ source, dry_run: true, stage: "1" }, /stage must be 1/)
        await rejects({ source, dry_run: "yes", stage: 1 }, /dry_run/)
        await rejects({ source, stage: 1 }, /dry_run/)
        await rejects(
          { source, dry_run: true, stage: 1, mysql_url: "mysql://x/y" },
          /mysql_url/
        )
        await rejects(
          { source: { ...source, path: "/tmp" }, dry_run: true, stage: 1 },
          /path/
        )
        await rejects(
          { source, dry_run: false, stage: 2 },
          /Stage 2 \(MySQL to Medusa\) starts with POST \/admin\/legacy-migration\/stage-2\/runs/
        )
      })

      it("answers 404 for an unknown run and 400 for a bad query", async () => {
        const unknown = await failed(
          api.get(`${ROUTE}/00000000-0000-0000-0000-000000000000`, {
            headers,
          })
        )
        expect(unknown.status).toBe(404)
        const quarantine = await failed(
          api.get(`${ROUTE}/00000000-0000-0000-0000-000000000000/quarantine`, {
            headers,
          })
        )
        expect(quarantine.status).toBe(404)
        const [{ id }] = (await api.get(ROUTE, { headers })).data.runs
        for (const params of [
          { collection: "carts" },
          { limit: 0 },
          { offset: -1 },
          { extra: 1 },
        ]) {
          const { status } = await failed(
            api.get(`${ROUTE}/${id}/quarantine`, { headers, params })
          )
          expect(status).toBe(400)
        }
        expect(
          (await failed(api.get(ROUTE, { headers, params: { limit: 101 } })))
            .status
        ).toBe(400)
      })

      it("needs an admin", async () => {
        expect((await failed(api.get(ROUTE))).status).toBe(401)
        expect(
          (
            await failed(
              api.post(ROUTE, {
                source: { dump: legacy.dumps.store.dir },
                dry_run: true,
                stage: 1,
              })
            )
          ).status
        ).toBe(401)
        const [{ id }] = (await api.get(ROUTE, { headers })).data.runs
        expect((await failed(api.get(`${ROUTE}/${id}`))).status).toBe(401)
        expect(
          (await failed(api.get(`${ROUTE}/${id}/quarantine`))).status
        ).toBe(401)
      })
    })
  },
})
