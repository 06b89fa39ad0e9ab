import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import net from "net"
import {
  REALTIME_MODULE,
  RealtimeModuleService,
} from "../../src/modules/realtime"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../src/modules/flash-sale"
import { login } from "../utils/checkout"
import { openSse, type SseClient } from "../utils/sse-client"
import { waitFor } from "../utils/wait-for"
import { loginAdmin, seedStore } from "../utils/seeded-store"

jest.setTimeout(300 * 1000)

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const REDIS_BASE = `klelite-test-rt-${process.pid}-${Date.now()}`
const switches = { REDIS_URL, REDIS_PREFIX: `${REDIS_BASE}:` }
Object.assign(process.env, switches)

type Headers = Record<string, string>
medusaIntegrationTestRunner({
  inApp: true,
  env: switches,
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Headers
    let customer: Headers
    let customerId: string
    let admin: Headers
    let base: string
    const clients: SseClient[] = []

    const realtime = () =>
      getContainer().resolve<RealtimeModuleService>(REALTIME_MODULE)

    async function sse(path: string, headers: Headers) {
      const client = await openSse(`${base}${path}`, headers)
      clients.push(client)
      return client
    }

    beforeAll(async () => {
      ;({ storeHeaders } = await seedStore(getContainer()))
      base = String(api.defaults.baseURL).replace(/\/$/, "")
    })

    beforeEach(async () => {
      customer = {
        ...storeHeaders,
        ...(await login(api, "customer", "demo@klelite.local", "klelite-demo")),
      }
      const { data } = await api.get("/store/customers/me", {
        headers: customer,
      })
      customerId = data.customer.id
      admin = await loginAdmin(api)
    })

    afterEach(() => {
      clients.splice(0).forEach((client) => client.close())
    })

    afterAll(async () => {
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys(`*${REDIS_BASE}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    const STREAM = "/store/customers/me/notifications/stream"

    it("streams the customer's channel with SSE headers, a retry hint and replay after Last-Event-ID", async () => {
      const channel = `customer:${customerId}`
      const stream = await sse(STREAM, customer)
      expect(stream.status).toEqual(200)
      expect(stream.headers.get("content-type")).toContain("text/event-stream")
      expect(stream.headers.get("cache-control")).toEqual(
        "no-cache, no-transform"
      )
      expect(stream.headers.get("x-accel-buffering")).toEqual("no")
      await waitFor(async () => stream.raw().startsWith("retry: "), {
        what: "the retry hint",
      })

      const first = await realtime().publish(channel, "test.ping", { n: 1 })
      await waitFor(async () => stream.events.length === 1, {
        what: "the live event",
      })
      expect(stream.events[0]).toEqual({
        id: first.id,
        event: "test.ping",
        data: { n: 1 },
      })
      stream.close()

      // Missed while disconnected: replayed in order on reconnect.
      for (let n = 2; n <= 4; n++) {
        await realtime().publish(channel, "test.ping", { n })
      }
      const again = await sse(STREAM, {
        ...customer,
        "last-event-id": first.id,
      })
      await realtime().publish(channel, "test.ping", { n: 5 })
      await waitFor(async () => again.events.length === 4, {
        what: "the replayed and live events",
      })
      expect(again.events.map(({ data }) => data)).toEqual([
        { n: 2 },
        { n: 3 },
        { n: 4 },
        { n: 5 },
      ])

      const byQuery = await sse(`${STREAM}?last_event_id=${first.id}`, customer)
      await waitFor(async () => byQuery.events.length === 4, {
        what: "the replay asked by query",
      })
      // The name EventSource polyfills put in the query on reconnecting.
      const byPolyfill = await sse(
        `${STREAM}?lastEventId=${first.id}`,
        customer
      )
      await waitFor(async () => byPolyfill.events.length === 4, {
        what: "the replay asked by a polyfill's query",
      })

      // Another instance, with its own Redis connections, reaches this stream.
      const otherInstance = new RealtimeModuleService(
        {},
        {
          redisUrl: REDIS_URL,
          prefix: switches.REDIS_PREFIX,
        }
      )
      await otherInstance.publish(channel, "test.elsewhere", { n: 6 })
      await otherInstance.close()
      await waitFor(async () => byQuery.events.length === 5, {
        what: "the event published by another instance",
      })
      expect(byQuery.events[4]).toMatchObject({ event: "test.elsewhere" })
    })

    it("sends a client that has had no event yet an id to reconnect with, so it misses nothing", async () => {
      const channel = `customer:${customerId}`
      const stream = await sse(STREAM, customer)
      expect(stream.status).toEqual(200)
      const initial = await waitFor(
        async () => /^id: (\d+-\d+)$/m.exec(stream.raw())?.[1],
        { what: "the initial id" }
      )
      expect(stream.events).toEqual([])
      stream.close()

      // Published while the client was away, before it saw any event.
      const missed = await realtime().publish(channel, "test.missed", { n: 1 })
      const again = await sse(STREAM, { ...customer, "last-event-id": initial })
      await waitFor(async () => again.events.length === 1, {
        what: "the missed event",
      })
      expect(again.events[0]).toEqual({
        id: missed.id,
        event: "test.missed",
        data: { n: 1 },
      })
    })

    it("refuses no auth (401), another customer's channel (403) and a malformed Last-Event-ID (400)", async () => {
      expect((await sse(STREAM, storeHeaders)).status).toEqual(401)
      const other = await sse(
        `${STREAM}?channel=customer:cus_someone_else`,
        customer
      )
      expect(other.status).toEqual(403)
      expect((await sse(`${STREAM}?channel=admin`, customer)).status).toEqual(
        403
      )
      const own = await sse(
        `${STREAM}?channel=customer:${customerId}`,
        customer
      )
      expect(own.status).toEqual(200)

      const badHeader = await sse(STREAM, {
        ...customer,
        "last-event-id": "nope",
      })
      expect(badHeader.status).toEqual(400)
      expect(badHeader.raw()).toContain("Last-Event-ID")
      expect(
        (await sse(`${STREAM}?last_event_id=1-2-3`, customer)).status
      ).toEqual(400)
      expect(
        (await sse(`${STREAM}?lastEventId=nope`, customer)).status
      ).toEqual(400)
      expect((await sse(`${STREAM}?extra=1`, customer)).status).toEqual(400)

      expect(
        (await sse("/admin/notifications/stream", customer)).status
      ).toEqual(401)
      const adminStream = await sse("/admin/notifications/stream", admin)
      expect(adminStream.status).toEqual(200)
      await realtime().publish("admin", "test.admin", { ok: true })
      await waitFor(async () => adminStream.events.length === 1, {
        what: "the admin event",
      })
      expect(
        (await sse("/admin/notifications/stream?channel=nope", admin)).status
      ).toEqual(400)
    })

    it("streams a published flash sale's channel to anyone with the store key", async () => {
      const flashSales =
        getContainer().resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
      const window = {
        starts_at: new Date(Date.now() - 60_000),
        ends_at: new Date(Date.now() + 3_600_000),
      }
      const [live, draft] = await flashSales.createFlashSales([
        { title: "Goûter", status: "active", ...window },
        { title: "Hidden", status: "draft", ...window },
      ])
      const stream = await sse(
        `/store/flash-sales/${live.id}/stream`,
        storeHeaders
      )
      expect(stream.status).toEqual(200)
      await realtime().publish(`flash-sale:${live.id}`, "flash-sale.stock", {
        remaining: 3,
      })
      await waitFor(async () => stream.events.length === 1, {
        what: "the flash-sale event",
      })
      expect(stream.events[0].data).toEqual({ remaining: 3 })

      for (const id of [draft.id, "fsale_unknown", "bad%20id"]) {
        const refused = await sse(
          `/store/flash-sales/${id}/stream`,
          storeHeaders
        )
        expect(refused.status).toEqual(404)
      }
    })

    it("opens nothing for a client that hangs up while the flash sale is looked up", async () => {
      const flashSales =
        getContainer().resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
      const [sale] = await flashSales.createFlashSales([
        {
          title: "Goûter tardif",
          status: "active",
          starts_at: new Date(Date.now() - 60_000),
          ends_at: new Date(Date.now() + 3_600_000),
        },
      ])
      await waitFor(async () => realtime().stats().streams === 0, {
        what: "earlier streams to close",
      })
      const lookups: Promise<unknown>[] = []
      const listFlashSales = flashSales.listFlashSales.bind(flashSales)
      jest.spyOn(flashSales, "listFlashSales").mockImplementation((...args) => {
        const slow = new Promise((resolve) => setTimeout(resolve, 300)).then(
          () => listFlashSales(...args)
        )
        lookups.push(slow)
        return slow
      })
      try {
        const { hostname, port } = new URL(base)
        const socket = net.connect(Number(port), hostname)
        await new Promise((resolve) => socket.once("connect", resolve))
        const headers = Object.entries({ ...storeHeaders, host: "localhost" })
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join("")
        const request = `GET /store/flash-sales/${sale.id}/stream HTTP/1.1\r\n${headers}\r\n`
        await new Promise<void>((resolve) => socket.end(request, resolve))
        socket.destroy()
        await waitFor(async () => lookups.length > 0, { what: "the lookup" })
        await Promise.all(lookups)
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect(realtime().stats()).toMatchObject({
          listeners: 0,
          streams: 0,
          timers: 0,
        })
      } finally {
        jest.restoreAllMocks()
      }
    })

    it("leaves no listener or timer behind after 1,000 connect/disconnect cycles", async () => {
      const before = realtime().stats()
      expect(before).toMatchObject({ listeners: 0, timers: 0 })
      const started = Date.now()
      const CYCLES = 1000
      const PARALLEL = 10
      let opened = 0
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let i = 0; i < CYCLES / PARALLEL; i++) {
            const client = await openSse(`${base}${STREAM}`, customer)
            expect(client.status).toEqual(200)
            opened += 1
            client.close()
          }
        })
      )
      expect(opened).toEqual(CYCLES)
      const stats = await waitFor(
        async () => {
          const now = realtime().stats()
          return now.listeners === 0 && now.timers === 0 && now.streams === 0
            ? now
            : null
        },
        { what: "every stream to close", timeoutMs: 20_000 }
      )
      expect(stats).toMatchObject({ channels: 0, listeners: 0, timers: 0 })
      console.info(`${CYCLES} SSE cycles in ${Date.now() - started} ms`)
    })
  },
})
