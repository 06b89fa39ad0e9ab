import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type {
  AdminStage2Entity,
  AdminStage2Run,
} from "../../src/modules/legacy-migration/stage-2/admin-view"
import {
  legacySuite,
  startLegacyServer,
  stopLegacyServer,
  type LegacyServer,
  BACKGROUND_RUN_STORE,
} from "../utils/legacy-suite"
import { loginAdmin, seedStore } from "../utils/seeded-store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(15 * 60 * 1000)

const ROUTE = "/admin/legacy-migration/stage-2/runs"

const entity = (run: AdminStage2Run, name: AdminStage2Entity["entity"]) =>
  run.entities.find((e) => e.entity === name) as AdminStage2Entity

/**
 * Stage-2 runs seen from several server processes on one store: this test
 * process serves the API, and `medusa start` processes on the same
 * PostgreSQL and MySQL databases play the other instances.
 */
medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer, dbConfig }) => {
    const legacy = legacySuite({
      prefix: "stage2_servers",
      dumps: { store: BACKGROUND_RUN_STORE },
      stage1: "store",
    })
    const servers: LegacyServer[] = []
    let headers: Record<string, string>

    const startServer = async () => {
      const server = await startLegacyServer({
        databaseUrl: dbConfig.clientUrl,
        mysqlUrl: legacy.url,
      })
      servers.push(server)
      return server
    }
    const readHere = async (id: string): Promise<AdminStage2Run> =>
      (await api.get(`${ROUTE}/${id}`, { headers })).data.run

    beforeAll(async () => {
      await seedStore(getContainer())
      headers = await loginAdmin(api)
    })

    afterAll(async () => {
      for (const server of servers) {
        await stopLegacyServer(server, "SIGKILL")
      }
    })

    it("follows a run started on another server, shows it interrupted once that server is killed, and shows it and the run that finished it the same from a server started afterwards", async () => {
      const other = await startServer()
      const started = await other.call<{ run: AdminStage2Run }>(
        "POST",
        ROUTE,
        headers,
        { batch_size: 1 }
      )
      expect(started.status).toBe(202)
      const killedId = started.data.run.id

      // This process did not start the run: it reads its progress from MySQL.
      const live = await waitFor(
        async () => {
          const run = await readHere(killedId)
          return run.status === "running" && entity(run, "products").created > 0
            ? run
            : null
        },
        { timeoutMs: 240_000, intervalMs: 50, what: "products migrating" }
      )
      const [{ n }] = await legacy.mysql.query(
        "SELECT COUNT(*) AS n FROM products"
      )
      expect(entity(live, "products")).toMatchObject({
        state: expect.stringMatching(/running|done/),
        total: Number(n),
      })
      const { data: list } = await api.get(ROUTE, { headers })
      expect(list.runs[0]).toMatchObject({ id: killedId, status: "running" })
      expect(list.running_elsewhere).toBe(false)

      await stopLegacyServer(other, "SIGKILL")
      const killed = await waitFor(
        async () => {
          const run = await readHere(killedId)
          return run.status === "interrupted" ? run : null
        },
        { timeoutMs: 10_000, intervalMs: 50, what: "the run interrupted" }
      )
      expect(killed).toMatchObject({
        finished_at: null,
        error: null,
        report: null,
      })
      expect(entity(killed, "products").processed).toBeGreaterThanOrEqual(
        entity(live, "products").processed
      )
      expect(entity(killed, "loyalty_balances").state).toBe("pending")

      // The runner restores PostgreSQL before each test: the next run is part
      // of this one, so it finds what the killed run created.
      const again = await api.post(ROUTE, { batch_size: 20 }, { headers })
      expect(again.status).toBe(202)
      const id: string = again.data.run.id
      const done = await waitFor(
        async () => {
          const run = await readHere(id)
          return run.status === "running" ? null : run
        },
        { timeoutMs: 300_000, intervalMs: 250, what: `stage-2 run ${id}` }
      )
      expect(done.status).toBe("completed")
      expect(done.report?.ok).toBe(true)
      // It found what the killed run had created and finished the rest.
      expect(entity(done, "products").present).toBeGreaterThanOrEqual(
        entity(killed, "products").created
      )

      const fresh = await startServer()
      const completed = await fresh.call("GET", `${ROUTE}/${id}`, headers)
      expect([completed.status, completed.data.run]).toEqual([200, done])
      const interrupted = await fresh.call(
        "GET",
        `${ROUTE}/${killedId}`,
        headers
      )
      expect(interrupted.data.run).toEqual(killed)
      const { data: listed } = await fresh.call<{
        runs: AdminStage2Run[]
        count: number
        running_elsewhere: boolean
      }>("GET", ROUTE, headers)
      expect(listed.runs.map((run) => [run.id, run.status])).toEqual([
        [id, "completed"],
        [killedId, "interrupted"],
      ])
      expect([listed.count, listed.running_elsewhere]).toEqual([2, false])
      await stopLegacyServer(fresh)
    })
  },
})
