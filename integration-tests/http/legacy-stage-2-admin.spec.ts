import { spawn } from "child_process"
import { join } from "path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosResponse } from "axios"
import {
  databaseUrl,
  uniqueDatabase,
} from "../../src/modules/legacy-migration/__tests__/support/mysql"
import type { AdminStage2Run } from "../../src/modules/legacy-migration/stage-2/admin-view"
import { HALF_CREATED } from "../../src/modules/legacy-migration/stage-2/half-created"
import {
  acquireStage2Lock,
  STAGE_2_RUNNING,
} from "../../src/modules/legacy-migration/stage-2/lock"
import { legacyMedusaSnapshot } from "../utils/legacy-medusa-snapshot"
import { legacySuite, BACKGROUND_RUN_STORE } from "../utils/legacy-suite"
import { loginAdmin, seedStore } from "../utils/seeded-store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(10 * 60 * 1000)

const ROOT = join(__dirname, "..", "..")
const ROUTE = "/admin/legacy-migration/stage-2/runs"

type Snapshot = Awaited<ReturnType<typeof legacyMedusaSnapshot>>

/** The response of a request expected to fail. */
function failed(request: Promise<AxiosResponse>): Promise<AxiosResponse> {
  return request.then(
    (res) => {
      throw new Error(`Expected an error, got ${res.status}`)
    },
    (error) => error.response
  )
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer, dbConfig }) => {
    const legacy = legacySuite({
      prefix: "stage2_admin",
      dumps: { store: BACKGROUND_RUN_STORE },
      stage1: "store",
    })
    let headers: Record<string, string>
    let single: Snapshot

    const start = (body: unknown = {}) => api.post(ROUTE, body, { headers })
    const finished = (id: string) =>
      waitFor(
        async () => {
          const { data } = await api.get(`${ROUTE}/${id}`, { headers })
          const run: AdminStage2Run = data.run
          return run.status === "running" ? null : run
        },
        { timeoutMs: 300_000, intervalMs: 250, what: `stage-2 run ${id}` }
      )
    const migrated = async (entity: "product" | "customer") => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity,
        fields: ["id", entity === "product" ? "external_id" : "metadata"],
      })
      return data.filter((row) =>
        "external_id" in row ? row.external_id : row.metadata?.legacy_id
      ).length
    }
    const mysqlCount = async (sql: string) => {
      const [{ n }] = await legacy.mysql.query(sql)
      return Number(n)
    }

    /** The stage-2 CLI in its own Medusa process, on this test's database. */
    const cli = (batch: number) => {
      const child = spawn(
        process.execPath,
        [
          require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] }),
          "exec",
          "./src/scripts/legacy-stage-2.ts",
        ],
        {
          cwd: ROOT,
          stdio: ["ignore", "pipe", "pipe"],
          env: {
            ...process.env,
            NODE_OPTIONS: "",
            DATABASE_URL: dbConfig.clientUrl,
            LEGACY_MYSQL_URL: legacy.url,
            LEGACY_STAGE_2_BATCH_SIZE: String(batch),
            MEDUSA_DISABLE_TELEMETRY: "true",
          },
        }
      )
      let stderr = ""
      let stdout = ""
      child.stderr?.on("data", (chunk) => (stderr += chunk))
      child.stdout?.on("data", (chunk) => (stdout += chunk))
      const exit = new Promise<{ code: number | null; signal: string | null }>(
        (resolve) =>
          child.on("exit", (code, signal) => resolve({ code, signal }))
      )
      return { child, exit, stderr: () => stderr, stdout: () => stdout }
    }

    beforeAll(async () => {
      await seedStore(getContainer())
      headers = await loginAdmin(api)
    })

    it("moves the store into Medusa from the admin: progress, then the report", async () => {
      const started = await start({ batch_size: 5 })
      expect(started.status).toBe(202)
      expect(started.data.run).toMatchObject({
        stage: 2,
        status: "running",
        report: null,
      })
      const id: string = started.data.run.id
      const live = await waitFor(
        async () => {
          const { data } = await api.get(`${ROUTE}/${id}`, { headers })
          const run: AdminStage2Run = data.run
          const customers = run.entities.find((e) => e.entity === "customers")
          return customers?.state === "running" ? run : null
        },
        { timeoutMs: 240_000, intervalMs: 100, what: "customers in progress" }
      )
      const products = live.entities.find((e) => e.entity === "products")
      const allProducts = await mysqlCount("SELECT COUNT(*) AS n FROM products")
      expect(products).toMatchObject({
        state: "done",
        total: allProducts,
        processed: allProducts,
        ok: true,
      })
      const customers = live.entities.find((e) => e.entity === "customers")
      expect(customers?.processed).toBeGreaterThan(0)
      expect(customers?.processed).toBeLessThan(customers?.total ?? 0)

      const run = await finished(id)
      expect(run.status).toBe("completed")
      expect(run.report?.ok).toBe(true)
      const live_customers = await mysqlCount(
        "SELECT COUNT(*) AS n FROM customers WHERE deleted_at IS NULL"
      )
      expect(run.entities.find((e) => e.entity === "customers")).toMatchObject({
        state: "done",
        total: await mysqlCount("SELECT COUNT(*) AS n FROM customers"),
        created: live_customers,
        medusa: live_customers,
        ok: true,
      })
      expect(run.entities.map((e) => e.entity)).toEqual(
        run.report?.entities.map((e) => e.entity)
      )
      const { data: list } = await api.get(ROUTE, { headers })
      expect(list.runs.map((r: AdminStage2Run) => r.id)).toContain(id)
      single = await legacyMedusaSnapshot(getContainer())
      expect(single.products).toHaveLength(
        await mysqlCount(
          "SELECT COUNT(*) AS n FROM products WHERE deleted_at IS NULL"
        )
      )
    })

    it("starts one stage-2 run at a time: two starts at once, exactly one runs", async () => {
      const outcomes = await Promise.allSettled([start(), start()])
      const responses = outcomes.map((o) =>
        o.status === "fulfilled"
          ? o.value
          : (o.reason as { response: AxiosResponse }).response
      )
      expect(responses.map((r) => r.status).sort()).toEqual([202, 409])
      const refused = responses.find((r) => r.status === 409)
      expect(refused?.data).toEqual({
        type: "conflict",
        message: STAGE_2_RUNNING,
      })
      const running = responses.find((r) => r.status === 202)
      const run = await finished(running?.data.run.id)
      expect(run.report?.ok).toBe(true)
      expect(await legacyMedusaSnapshot(getContainer())).toEqual(single)
    })

    it("refuses the CLI while another run holds the lock, changing nothing", async () => {
      const before = await legacyMedusaSnapshot(getContainer())
      const lock = await acquireStage2Lock(getContainer())
      try {
        const refused = await failed(start())
        expect(refused.status).toBe(409)
        const { data: list } = await api.get(ROUTE, { headers })
        expect(list.running_elsewhere).toBe(true)
        const { exit, stderr } = cli(5)
        const { code } = await exit
        expect(code).toBe(4)
        expect(stderr()).toContain(`[klelite] ${STAGE_2_RUNNING}`)
      } finally {
        await lock.release()
      }
      expect(await legacyMedusaSnapshot(getContainer())).toEqual(before)
      const { data: list } = await api.get(ROUTE, { headers })
      expect(list.running_elsewhere).toBe(false)
    })

    it("gives the lock back when a run fails on the way, and the next run finishes it", async () => {
      const started = await start({ batch_size: 1 })
      expect(started.status).toBe(202)
      await legacy.mysql.query("RENAME TABLE customers TO customers_hidden")
      let run: AdminStage2Run
      try {
        run = await finished(started.data.run.id)
      } finally {
        await legacy.mysql.query("RENAME TABLE customers_hidden TO customers")
      }
      expect(run.status).toBe("failed")
      expect(run.error).toMatch(/has no legacy tables/)
      expect(run.report).toBeNull()

      const again = await start()
      expect(again.status).toBe(202)
      expect((await finished(again.data.run.id)).report?.ok).toBe(true)
      expect(await legacyMedusaSnapshot(getContainer())).toEqual(single)
    })

    it("a stage-2 CLI run killed mid-way, then started again, ends identical to an uninterrupted run", async () => {
      const totalProducts = BACKGROUND_RUN_STORE.products
      // Killed while creating products, then while creating customers.
      for (const [entity, limit] of [
        ["product", totalProducts],
        ["customer", BACKGROUND_RUN_STORE.users],
      ] as const) {
        const { child, exit, stderr } = cli(3)
        await waitFor(
          async () => {
            const n = await migrated(entity)
            return n > 0 || child.exitCode !== null
          },
          { timeoutMs: 240_000, intervalMs: 20, what: `${entity}s migrating` }
        )
        // While the CLI holds the lock, the admin cannot start a run.
        expect((await failed(start())).status).toBe(409)
        child.kill("SIGKILL")
        const { signal } = await exit
        expect([signal, stderr().slice(-500)]).toEqual([
          "SIGKILL",
          expect.any(String),
        ])
        const done = await migrated(entity)
        expect(done).toBeGreaterThan(0)
        expect(done).toBeLessThan(limit)
      }
      // The killed process held the lock: PostgreSQL frees it with the
      // process's connection, without waiting for any expiry.
      await waitFor(
        async () => !(await api.get(ROUTE, { headers })).data.running_elsewhere,
        { timeoutMs: 5_000, intervalMs: 20, what: "the lock to be freed" }
      )
      // Both killed runs read as interrupted: the first was marked so when the
      // second started, the second holds a lock nobody has any more.
      const { data: killed } = await api.get(ROUTE, { headers })
      const [second, firstKilled] = killed.runs as AdminStage2Run[]
      expect([second.status, firstKilled.status]).toEqual([
        "interrupted",
        "interrupted",
      ])
      expect(second.entities.find((e) => e.entity === "products")?.state).toBe(
        "done"
      )
      const resumed = cli(10)
      const { code } = await resumed.exit
      expect([code, resumed.stderr().slice(-1000)]).toEqual([
        0,
        expect.stringMatching(/Stage 2: categories .*customers \d+\/\d+/),
      ])
      // Medusa's own log lines may share stdout with the report.
      const out = resumed.stdout()
      const begin = out.lastIndexOf('{\n  "ok"')
      const report = JSON.parse(out.slice(begin, out.indexOf("\n}", begin) + 2))
      expect(report.ok).toBe(true)
      const products = report.entities.find(
        (e: { entity: string }) => e.entity === "products"
      )
      expect(products.present).toBeGreaterThan(0)
      expect(await legacyMedusaSnapshot(getContainer())).toEqual(single)

      // The admin, started afterwards, finds everything and creates nothing.
      const started = await start({ batch_size: 7 })
      expect(started.status).toBe(202)
      const run = await finished(started.data.run.id)
      expect(run.report?.ok).toBe(true)
      expect(run.entities.map((e) => [e.entity, e.created])).toEqual(
        run.entities.map((e) => [e.entity, 0])
      )
      expect(await legacyMedusaSnapshot(getContainer())).toEqual(single)
    })

    it("removes what a run killed inside Medusa's product creation left, and creates it whole", async () => {
      const [row] = await legacy.mysql.query(
        `SELECT p.legacy_id, p.name, p.slug, v.sku FROM products p
         JOIN product_variants v ON v.product_id = p.id
         WHERE p.deleted_at IS NULL ORDER BY p.id LIMIT 1`
      )
      // A kill after the product row and one inventory item were created,
      // before its variants and their links.
      await getContainer()
        .resolve(Modules.PRODUCT)
        .createProducts([
          {
            title: row.name,
            handle: row.slug,
            external_id: row.legacy_id,
            metadata: {
              legacy_id: row.legacy_id,
              legacy_stage_2: HALF_CREATED,
            },
          },
        ])
      await getContainer()
        .resolve(Modules.INVENTORY)
        .createInventoryItems([{ sku: row.sku }])

      const started = await start()
      const run = await finished(started.data.run.id)
      expect(run.report?.ok).toBe(true)
      expect(await legacyMedusaSnapshot(getContainer())).toEqual(single)
    })

    describe("bad input", () => {
      const rejects = async (body: unknown, message: RegExp) => {
        const { status, data } = await failed(start(body))
        expect([status, data.message]).toEqual([
          400,
          expect.stringMatching(message),
        ])
      }

      it("checks types, ranges and extra fields, and starts nothing", async () => {
        const runs = (await api.get(ROUTE, { headers })).data.count
        await rejects({ batch_size: 0 }, /batch_size/)
        await rejects({ batch_size: -3 }, /batch_size/)
        await rejects({ batch_size: 2.5 }, /batch_size/)
        await rejects({ batch_size: "5" }, /batch_size/)
        await rejects({ batch_size: 1001 }, /batch_size/)
        await rejects({ currency_code: "euro" }, /currency_code/)
        await rejects({ rebuild_search: "no" }, /rebuild_search/)
        await rejects({ mysql_url: "mysql://root@127.0.0.1/x" }, /mysql_url/)
        await rejects({ sales_channel_id: "" }, /sales_channel_id/)
        await rejects(
          { sales_channel_id: "sc_nope" },
          /Sales channel sc_nope does not exist/
        )
        await rejects({ currency_code: "JPY" }, /does not accept JPY/)
        await rejects(
          { stock_location_id: "sloc_nope" },
          /Stock location sloc_nope does not exist/
        )
        const { data } = await api.get(ROUTE, { headers })
        expect(data.count).toBe(runs)
        expect(await migrated("product")).toBe(0)
      })

      it("says what to do when MySQL is not configured or not migrated", async () => {
        const url = process.env.LEGACY_MYSQL_URL
        try {
          delete process.env.LEGACY_MYSQL_URL
          await rejects({}, /LEGACY_MYSQL_URL is not set/)
          process.env.LEGACY_MYSQL_URL = databaseUrl(uniqueDatabase("nope"))
          await rejects({}, /does not exist on .*: run stage 1/)
        } finally {
          process.env.LEGACY_MYSQL_URL = url
        }
        // Nothing was left holding the lock.
        const lock = await acquireStage2Lock(getContainer())
        await lock.release()
      })

      it("points stage 2 on the stage-1 route to its own, answers 404 and needs an admin", async () => {
        const { status, data } = await failed(
          api.post(
            "/admin/legacy-migration/runs",
            {
              source: { dump: legacy.dumps.store.dir },
              dry_run: false,
              stage: 2,
            },
            { headers }
          )
        )
        expect([status, data.message]).toEqual([
          400,
          expect.stringMatching(
            /POST \/admin\/legacy-migration\/stage-2\/runs/
          ),
        ])
        expect(
          (await failed(api.get(`${ROUTE}/legacy-stage-2-nope`, { headers })))
            .status
        ).toBe(404)
        expect((await failed(api.post(ROUTE, {}))).status).toBe(401)
        expect((await failed(api.get(ROUTE))).status).toBe(401)
        for (const params of [{ limit: 0 }, { offset: -1 }, { extra: 1 }]) {
          expect(
            (await failed(api.get(ROUTE, { headers, params }))).status
          ).toBe(400)
        }
      })
    })
  },
})
