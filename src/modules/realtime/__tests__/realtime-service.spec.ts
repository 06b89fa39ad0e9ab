import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import path from "path"
import { REALTIME_MODULE } from ".."
import { BackInStockSubscription, LowStockAlert } from "../models"
import RealtimeModuleService from "../service"
import * as sql from "../utils/sql"
import type { RealtimeEvent, RealtimeModuleOptions } from "../types"

jest.setTimeout(60_000)

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const PREFIX = `klelite-test-realtime-${process.pid}-${Date.now()}:`
const options: RealtimeModuleOptions = {
  redisUrl: REDIS_URL,
  prefix: PREFIX,
  historySize: 20,
}

const tick = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms))

/** Reads `text/event-stream` chunks back into events. */
function parseChunks(
  chunks: (string | Buffer)[]
): { id: string; event: string }[] {
  return chunks
    .map(String)
    .join("")
    .split("\n\n")
    .filter((block) => block.startsWith("id:") && block.includes("\nevent:"))
    .map((block) => {
      const [id, event] = block.split("\n")
      return { id: id.slice(4), event: event.slice(7) }
    })
}

async function waitUntil(done: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms
  while (!done() && Date.now() < deadline) {
    await tick(10)
  }
  return done()
}

async function waitForCount<T>(items: T[], count: number, ms = 5000) {
  const deadline = Date.now() + ms
  while (items.length < count && Date.now() < deadline) {
    await tick(10)
  }
  return items
}

moduleIntegrationTestRunner<RealtimeModuleService>({
  moduleName: REALTIME_MODULE,
  moduleModels: [BackInStockSubscription, LowStockAlert],
  moduleOptions: options,
  resolve: "./src/modules/realtime",
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    const others: RealtimeModuleService[] = []
    /** A second instance with its own Redis connections, like another process. */
    const otherInstance = (extra: RealtimeModuleOptions = {}) => {
      const instance = new RealtimeModuleService({}, { ...options, ...extra })
      others.push(instance)
      return instance
    }

    afterEach(async () => {
      await Promise.all(others.splice(0).map((other) => other.close()))
    })

    afterAll(async () => {
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys(`${PREFIX}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    describe("fan-out over Redis", () => {
      it("delivers what one instance publishes to listeners on another", async () => {
        const other = otherInstance()
        const received: RealtimeEvent[] = []
        const unsubscribe = await service.subscribe("customer:cus_a", (event) =>
          received.push(event)
        )
        await other.publish("customer:cus_a", "order.placed", { n: 1 })
        await other.publish("customer:cus_b", "order.placed", { n: 2 })
        await service.publish("customer:cus_a", "order.canceled", { n: 3 })

        await waitForCount(received, 2)
        await tick(100)
        expect(received.map(({ event, data }) => [event, data])).toEqual([
          ["order.placed", { n: 1 }],
          ["order.canceled", { n: 3 }],
        ])
        expect(received[0].id).toMatch(/^\d+-\d+$/)

        unsubscribe()
        await other.publish("customer:cus_a", "order.placed", { n: 4 })
        await tick(100)
        expect(received).toHaveLength(2)
        expect(service.stats()).toMatchObject({ channels: 0, listeners: 0 })
      })

      it("holds one Redis subscription per channel however many listeners", async () => {
        const undo = await Promise.all(
          Array.from({ length: 50 }, () => service.subscribe("admin", () => {}))
        )
        expect(service.stats()).toMatchObject({ channels: 1, listeners: 50 })
        const redis = new Redis(REDIS_URL)
        const [, subscribers] = (await redis.pubsub(
          "NUMSUB",
          `${PREFIX}realtime:channel:admin`
        )) as [string, number]
        expect(subscribers).toEqual(1)

        undo.forEach((unsubscribe) => unsubscribe())
        await tick(100)
        const [, left] = (await redis.pubsub(
          "NUMSUB",
          `${PREFIX}realtime:channel:admin`
        )) as [string, number]
        await redis.quit()
        expect(left).toEqual(0)
        expect(service.stats()).toMatchObject({ channels: 0, listeners: 0 })
      })
    })

    describe("history and replay", () => {
      it("replays the events after Last-Event-ID in order, then live ones, each once", async () => {
        const publisher = otherInstance()
        const first = await publisher.publish("product:prod_1", "stock", {
          n: 0,
        })
        for (let n = 1; n <= 5; n++) {
          await publisher.publish("product:prod_1", "stock", { n })
        }

        const chunks: (string | Buffer)[] = []
        const close = await service.openStream("product:prod_1", {
          lastEventId: first.id,
          write: (chunk) => chunks.push(chunk),
        })
        const live = await publisher.publish("product:prod_1", "stock", {
          n: 6,
        })
        await waitForCount(chunks, 6)
        await tick(100)
        close()

        const events = parseChunks(chunks)
        expect(events).toHaveLength(6)
        expect(events[5].id).toEqual(live.id)
        const ids = events.map(({ id }) => id)
        expect([...ids].sort(byStreamId)).toEqual(ids)
        expect(String(chunks[0])).toContain('data: {"n":1}')
        expect(service.stats()).toMatchObject({
          listeners: 0,
          streams: 0,
          timers: 0,
        })
      })

      it("sends a client without Last-Event-ID the newest id, so it replays what it missed after reconnecting", async () => {
        const channel = "customer:cus_first_id"
        const open = async (lastEventId?: string) => {
          const chunks: (string | Buffer)[] = []
          const close = await service.openStream(channel, {
            lastEventId,
            write: (chunk) => chunks.push(chunk),
          })
          close()
          return chunks.map(String)
        }

        // No history yet: an id the replay takes as "everything".
        const [initial] = await open()
        expect(initial).toEqual("id: 0-0\n\n")
        const missed = await service.publish(channel, "order.placed", { n: 1 })
        const replayed = await open("0-0")
        expect(parseChunks(replayed).map(({ id }) => id)).toEqual([missed.id])

        const [newest] = await open()
        expect(newest).toEqual(`id: ${missed.id}\n\n`)
        const next = await service.publish(channel, "order.placed", { n: 2 })
        const resumed = await open(missed.id)
        expect(parseChunks(resumed).map(({ id }) => id)).toEqual([next.id])
        expect(service.stats()).toMatchObject({
          listeners: 0,
          streams: 0,
          timers: 0,
        })
      })

      it("keeps a bounded history per channel", async () => {
        for (let n = 0; n < 300; n++) {
          await service.publish("flash-sale:fs_1", "tick", { n })
        }
        const kept = await service.history("flash-sale:fs_1", "0-0")
        expect(kept).toHaveLength(20)
        const redis = new Redis(REDIS_URL)
        const length = await redis.xlen(
          `${PREFIX}realtime:history:flash-sale:fs_1`
        )
        await redis.quit()
        // MAXLEN ~ trims whole stream nodes, so a few more than 20 may stay.
        expect(length).toBeGreaterThanOrEqual(20)
        expect(length).toBeLessThan(300)
        expect(kept[kept.length - 1].data).toEqual({ n: 299 })
      })

      it("refuses malformed event ids and unknown channels", async () => {
        const write = () => {}
        for (const id of [
          "abc",
          "1-2-3",
          "-1",
          "12",
          "1-",
          "1718000000000-0 ",
        ]) {
          await expect(
            service.openStream("admin", { lastEventId: id, write })
          ).rejects.toMatchObject({ type: MedusaError.Types.INVALID_DATA })
        }
        await expect(service.publish("nope", "x", {})).rejects.toMatchObject({
          type: MedusaError.Types.INVALID_DATA,
        })
        expect(service.stats()).toMatchObject({ listeners: 0, timers: 0 })
      })

      it("writes a heartbeat comment on idle streams until closed", async () => {
        const quick = otherInstance({ heartbeatMs: 100 })
        const chunks: (string | Buffer)[] = []
        const close = await quick.openStream("admin", {
          write: (chunk) => chunks.push(chunk),
        })
        expect(quick.stats()).toMatchObject({ streams: 1, timers: 1 })
        await tick(350)
        close()
        const beats = chunks.filter(
          (chunk) => String(chunk) === ": heartbeat\n\n"
        )
        expect(beats.length).toBeGreaterThanOrEqual(2)
        await tick(250)
        expect(
          chunks.filter((chunk) => String(chunk).startsWith(":"))
        ).toHaveLength(beats.length)
        expect(quick.stats()).toMatchObject({ streams: 0, timers: 0 })
      })

      it("skips the heartbeat while events flow, and resumes it when idle", async () => {
        const quick = otherInstance({ heartbeatMs: 100 })
        const chunks: string[] = []
        const close = await quick.openStream("admin", {
          write: (chunk) => chunks.push(String(chunk)),
        })
        for (let n = 0; n < 10; n++) {
          await quick.publish("admin", "n", { n })
          await tick(40)
        }
        const isBeat = (chunk: string) => chunk === ": heartbeat\n\n"
        expect(chunks.filter(isBeat)).toHaveLength(0)
        expect(
          chunks.filter((chunk) => chunk.includes("event: n"))
        ).toHaveLength(10)
        await tick(350)
        close()
        expect(chunks.filter(isBeat).length).toBeGreaterThanOrEqual(2)
      })

      it("never leaves a stream silent for a whole interval after an event", async () => {
        const quick = otherInstance({ heartbeatMs: 200 })
        const writes: { at: number; chunk: string }[] = []
        const close = await quick.openStream("admin", {
          write: (chunk) =>
            writes.push({ at: performance.now(), chunk: String(chunk) }),
        })
        // Just after the first check, the moment that left two intervals of
        // silence when the check ran once an interval.
        await tick(210)
        await quick.publish("admin", "n", { n: 1 })
        await tick(700)
        close()
        const event = writes.findIndex(({ chunk }) =>
          chunk.includes("event: n")
        )
        expect(event).toBeGreaterThan(0)
        const gaps = writes
          .slice(event + 1)
          .map(({ at }, index) => at - writes[event + index].at)
        expect(gaps.length).toBeGreaterThanOrEqual(2)
        expect(Math.max(...gaps)).toBeLessThan(300)
      })

      it("leaves no listener or timer behind after 1,000 open/close cycles", async () => {
        for (let i = 0; i < 1000; i++) {
          const close = await service.openStream(`customer:cus_${i % 7}`, {
            write: () => {},
          })
          close()
          close()
        }
        expect(service.stats()).toMatchObject({
          channels: 0,
          listeners: 0,
          streams: 0,
          timers: 0,
        })
      })
    })

    describe("a dropped Redis connection", () => {
      it("ends open streams, so clients reconnect and replay what was published meanwhile", async () => {
        const prefix = `${PREFIX}drop:`
        const instance = otherInstance({ prefix })
        const channel = "customer:cus_drop"
        const chunks: (string | Buffer)[] = []
        let ended = 0
        await instance.openStream(channel, {
          write: (chunk) => chunks.push(chunk),
          end: () => (ended += 1),
        })
        const seen = await instance.publish(channel, "n", { n: 1 })
        await waitForCount(chunks, 2)
        expect(parseChunks(chunks).map(({ id }) => id)).toEqual([seen.id])
        expect(instance.stats()).toMatchObject({ listeners: 1, streams: 1 })

        const redis = new Redis(REDIS_URL)
        const clients = String(await redis.client("LIST")).split("\n")
        const subscriber = clients
          .filter((line) =>
            line.includes(` name=${prefix}realtime-subscriber `)
          )
          .map((line) => /\bid=(\d+)/.exec(line)?.[1])
        expect(subscriber).toHaveLength(1)
        await redis.client("KILL", "ID", String(subscriber[0]))
        await redis.quit()

        expect(await waitUntil(() => ended > 0)).toBe(true)
        expect(instance.stats()).toMatchObject({
          channels: 0,
          listeners: 0,
          streams: 0,
          timers: 0,
        })

        const missed = await instance.publish(channel, "n", { n: 2 })
        const again: (string | Buffer)[] = []
        const close = await instance.openStream(channel, {
          lastEventId: seen.id,
          write: (chunk) => again.push(chunk),
          end: () => (ended += 1),
        })
        const live = await instance.publish(channel, "n", { n: 3 })
        await waitForCount(again, 2)
        close()
        expect(parseChunks(again).map(({ id }) => id)).toEqual([
          missed.id,
          live.id,
        ])
        expect(ended).toEqual(1)
        expect(instance.stats()).toMatchObject({
          listeners: 0,
          streams: 0,
          timers: 0,
        })
      })
    })

    describe("a connection dropping while a stream opens", () => {
      /** Drops the connection and resolves once it is gone (it reconnects). */
      const drop = (connection: Redis) => {
        const closed = new Promise((resolve) =>
          connection.once("close", resolve)
        )
        connection.disconnect(true)
        return closed
      }

      /** An instance whose subscriber connection is up, and that connection. */
      async function connected() {
        const instance = otherInstance({ prefix: `${PREFIX}drop-open:` })
        const subscriber = new Promise<Redis>((resolve) => {
          const subscribe = Redis.prototype.subscribe
          jest
            .spyOn(Redis.prototype, "subscribe")
            .mockImplementationOnce(function (this: Redis, ...channels) {
              resolve(this)
              return subscribe.apply(this, channels)
            })
        })
        const close = await instance.openStream("admin", { write: () => {} })
        close()
        return { instance, subscriber: await subscriber }
      }

      afterEach(() => {
        jest.restoreAllMocks()
      })

      it("ends the stream and leaves nothing behind when it drops while subscribing", async () => {
        const { instance } = await connected()
        const subscribe = Redis.prototype.subscribe
        jest
          .spyOn(Redis.prototype, "subscribe")
          .mockImplementationOnce(async function (this: Redis, ...channels) {
            await drop(this)
            return await subscribe.apply(this, channels)
          })
        let ended = 0
        const close = await instance.openStream("customer:cus_drop_open", {
          write: () => {},
          end: () => (ended += 1),
        })
        expect(ended).toEqual(1)
        expect(instance.stats()).toMatchObject({
          channels: 0,
          listeners: 0,
          streams: 0,
          timers: 0,
        })
        close()
        expect(instance.stats()).toMatchObject({ listeners: 0, timers: 0 })
      })

      it("ends the stream and leaves nothing behind when it drops while replaying", async () => {
        const { instance, subscriber } = await connected()
        const missed = await instance.publish("customer:cus_drop_replay", "n", {
          n: 1,
        })
        const xrevrange = Redis.prototype.xrevrange
        jest
          .spyOn(Redis.prototype, "xrevrange")
          .mockImplementationOnce(async function (this: Redis, ...args) {
            await drop(subscriber)
            return await xrevrange.apply(this, args)
          })
        let ended = 0
        const chunks: (string | Buffer)[] = []
        const close = await instance.openStream("customer:cus_drop_replay", {
          lastEventId: "0-0",
          write: (chunk) => chunks.push(chunk),
          end: () => (ended += 1),
        })
        expect(ended).toEqual(1)
        expect(parseChunks(chunks).map(({ id }) => id)).toEqual([missed.id])
        expect(instance.stats()).toMatchObject({
          channels: 0,
          listeners: 0,
          streams: 0,
          timers: 0,
        })
        close()
      })
    })

    describe("without Redis", () => {
      it("fans out in process and replays from a ring buffer", async () => {
        const memory = otherInstance({ redisUrl: undefined, historySize: 3 })
        expect((await memory.health()).mode).toEqual("memory")
        const ids: string[] = []
        for (let n = 0; n < 5; n++) {
          ids.push((await memory.publish("admin", "n", { n })).id)
        }
        const replayed = await memory.history("admin", "0-0")
        expect(replayed.map(({ data }) => data)).toEqual([
          { n: 2 },
          { n: 3 },
          { n: 4 },
        ])
        const chunks: (string | Buffer)[] = []
        const close = await memory.openStream("admin", {
          lastEventId: ids[2],
          write: (chunk) => chunks.push(chunk),
        })
        const newest = await memory.publish("admin", "n", { n: 5 })
        close()
        const fresh: (string | Buffer)[] = []
        const closeFresh = await memory.openStream("admin", {
          write: (chunk) => fresh.push(chunk),
        })
        closeFresh()
        expect(fresh.map(String)).toEqual([`id: ${newest.id}\n\n`])
        expect(parseChunks(chunks).map(({ id }) => id)).toEqual([
          ids[3],
          ids[4],
          expect.stringMatching(/^\d+-\d+$/),
        ])
        expect(memory.stats()).toMatchObject({ listeners: 0, timers: 0 })
      })
    })

    it("reports health", async () => {
      expect(await service.health()).toEqual({ ok: true, mode: "redis" })
      const down = otherInstance({ redisUrl: "redis://127.0.0.1:1" })
      const health = await down.health()
      expect(health.ok).toBe(false)
      expect(() => otherInstance({ redisUrl: "http://x" })).toThrow(
        /redis:\/\//
      )
    })

    describe("back-in-stock requests", () => {
      const request = (customer_id: string, variant_id = "variant_1") => ({
        variant_id,
        customer_id,
        email: `${customer_id}@example.com`,
      })

      it("keeps one pending request per customer and variant", async () => {
        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            service.requestBackInStock(request("cus_1"))
          )
        )
        expect(results.filter(({ created }) => created)).toHaveLength(1)
        expect(
          new Set(results.map(({ subscription }) => subscription.id)).size
        ).toEqual(1)
      })

      it("claims each pending request once under concurrent restocks", async () => {
        for (const customer of ["cus_1", "cus_2", "cus_3"]) {
          await service.requestBackInStock(request(customer))
        }
        await service.requestBackInStock(request("cus_1", "variant_2"))

        const claims = await Promise.all(
          Array.from({ length: 8 }, () =>
            service.claimBackInStock(["variant_1"])
          )
        )
        const claimed = claims.flat()
        expect(claimed.map(({ customer_id }) => customer_id).sort()).toEqual([
          "cus_1",
          "cus_2",
          "cus_3",
        ])
        expect(await service.claimBackInStock(["variant_1"])).toEqual([])

        // A failed notification puts its request back in the queue.
        await service.releaseBackInStock([claimed[0].id])
        const again = await service.claimBackInStock(["variant_1"])
        expect(again.map(({ id }) => id)).toEqual([claimed[0].id])

        // Once notified, the customer may ask again.
        const renewed = await service.requestBackInStock(request("cus_2"))
        expect(renewed.created).toBe(true)
      })

      it("records a new request when the pending one is notified while asking", async () => {
        const { subscription: pending } = await service.requestBackInStock(
          request("cus_9", "variant_9")
        )
        const execute = SqlEntityManager.prototype.execute
        let restocked = false
        // A restock claims the pending request between the insert that
        // found it and the lookup of it.
        jest
          .spyOn(SqlEntityManager.prototype, "execute")
          .mockImplementation(async function (
            this: SqlEntityManager,
            ...args: Parameters<SqlEntityManager["execute"]>
          ) {
            if (!restocked && args[0] === sql.SELECT_PENDING) {
              restocked = true
              await service.claimBackInStock(["variant_9"])
            }
            return await execute.apply(this, args)
          })
        try {
          const asked = await service.requestBackInStock(
            request("cus_9", "variant_9")
          )
          expect(restocked).toBe(true)
          expect(asked.created).toBe(true)
          expect(asked.subscription).toMatchObject({
            variant_id: "variant_9",
            customer_id: "cus_9",
            notified_at: null,
          })
          expect(asked.subscription.id).not.toEqual(pending.id)
        } finally {
          jest.restoreAllMocks()
        }
      })
    })

    describe("low-stock alerts", () => {
      const key = (variant_id: string, inventory_level_id = "ilev_1") => ({
        inventory_level_id,
        variant_id,
      })

      it("marks each variant's level alerted once under concurrent claims", async () => {
        const claims = await Promise.allSettled(
          Array.from({ length: 10 }, () =>
            service.claimLowStockAlerts([key("variant_1"), key("variant_1")])
          )
        )
        expect(claims.every(({ status }) => status === "fulfilled")).toBe(true)
        const claimed = claims.flatMap((claim) =>
          claim.status === "fulfilled" ? claim.value : []
        )
        expect(claimed).toHaveLength(1)
        expect(claimed[0]).toMatchObject(key("variant_1"))
        expect(claimed[0].id).toMatch(/^lsa_/)
        expect(await service.claimLowStockAlerts([key("variant_1")])).toEqual(
          []
        )

        // Another variant or level is a marker of its own.
        const others = await service.claimLowStockAlerts([
          key("variant_1"),
          key("variant_2"),
          key("variant_1", "ilev_2"),
        ])
        expect(
          others.map(({ variant_id, inventory_level_id }) => [
            inventory_level_id,
            variant_id,
          ])
        ).toEqual(
          expect.arrayContaining([
            ["ilev_1", "variant_2"],
            ["ilev_2", "variant_1"],
          ])
        )
        expect(others).toHaveLength(2)
      })

      describe("synced with a level's stock", () => {
        const thresholds = [
          { variant_id: "variant_a", threshold: 5 },
          { variant_id: "variant_b", threshold: 2 },
        ]
        const sync = (
          available: number | null,
          inventory_level_id = "ilev_1"
        ) =>
          service.syncLowStockAlerts({
            inventory_level_id,
            available,
            variants: thresholds,
          })
        const variantsOf = (alerts: { variant_id: string }[]) =>
          alerts.map(({ variant_id }) => variant_id).sort()
        const markers = async (inventory_level_id = "ilev_1") =>
          variantsOf(await service.listLowStockAlerts({ inventory_level_id }))

        afterEach(() => {
          jest.restoreAllMocks()
        })

        it("takes the markers of the variants below their threshold, once, and removes the others", async () => {
          // A variant no longer stocked at the level loses its marker.
          await service.claimLowStockAlerts([key("variant_gone")])
          expect(variantsOf(await sync(4))).toEqual(["variant_a"])
          expect(await markers()).toEqual(["variant_a"])
          expect(await sync(4)).toEqual([])
          expect(await markers()).toEqual(["variant_a"])

          expect(variantsOf(await sync(1))).toEqual(["variant_b"])
          expect(await markers()).toEqual(["variant_a", "variant_b"])

          // At the threshold is not below it.
          expect(await sync(5)).toEqual([])
          expect(await markers()).toEqual([])
          expect(variantsOf(await sync(4))).toEqual(["variant_a"])
        })

        it("removes every marker of a level that is gone, and only its", async () => {
          await sync(0, "ilev_1")
          await sync(0, "ilev_2")
          expect(await markers("ilev_1")).toEqual(["variant_a", "variant_b"])
          expect(await sync(null, "ilev_1")).toEqual([])
          expect(await markers("ilev_1")).toEqual([])
          expect(await markers("ilev_2")).toEqual(["variant_a", "variant_b"])
        })

        it("removes at one level only: all its markers, or only some variants'", async () => {
          await sync(0, "ilev_1")
          await sync(0, "ilev_2")
          await sync(0, "ilev_3")

          const removed = await service.removeLowStockAlerts({
            inventory_level_id: "ilev_1",
            variant_ids: ["variant_a"],
          })
          expect(variantsOf(removed)).toEqual(["variant_a"])
          expect(await markers("ilev_1")).toEqual(["variant_b"])
          expect(await markers("ilev_2")).toEqual(["variant_a", "variant_b"])

          const all = await service.removeLowStockAlerts({
            inventory_level_id: "ilev_2",
          })
          expect(variantsOf(all)).toEqual(["variant_a", "variant_b"])
          expect(await markers("ilev_2")).toEqual([])
          expect(await markers("ilev_3")).toEqual(["variant_a", "variant_b"])

          expect(
            await service.removeLowStockAlerts({
              inventory_level_id: "ilev_3",
              variant_ids: [],
            })
          ).toEqual([])
          expect(await markers("ilev_3")).toEqual(["variant_a", "variant_b"])
        })

        it("claims each marker once when syncs of one level run at once", async () => {
          for (let round = 0; round < 5; round++) {
            const syncs = await Promise.allSettled(
              Array.from({ length: 8 }, () => sync(round % 2 ? 3 : 1))
            )
            expect(syncs.every(({ status }) => status === "fulfilled")).toBe(
              true
            )
            const claimed = syncs.flatMap((result) =>
              result.status === "fulfilled" ? result.value : []
            )
            const low = round % 2 ? ["variant_a"] : ["variant_a", "variant_b"]
            expect(variantsOf(claimed)).toEqual(round % 2 ? [] : low)
            expect(await markers()).toEqual(low)
            // Back above: the next round's fall is a fresh one.
            if (round % 2) {
              await sync(20)
            }
          }
        })

        it("keeps the removed markers when the claim fails, as one transaction", async () => {
          await service.claimLowStockAlerts([key("variant_gone")])
          const execute = SqlEntityManager.prototype.execute
          jest
            .spyOn(SqlEntityManager.prototype, "execute")
            .mockImplementation(async function (
              this: SqlEntityManager,
              ...args: Parameters<SqlEntityManager["execute"]>
            ) {
              const [statement] = args
              if (
                typeof statement === "string" &&
                /^\s*INSERT INTO low_stock_alert\b/.test(statement)
              ) {
                throw new Error("claim failed")
              }
              return await execute.apply(this, args)
            })
          await expect(sync(0)).rejects.toThrow("claim failed")
          jest.restoreAllMocks()
          expect(await markers()).toEqual(["variant_gone"])
        })
      })
    })
  },
})

function byStreamId(a: string, b: string): number {
  const [aMs, aSeq] = a.split("-").map(BigInt)
  const [bMs, bSeq] = b.split("-").map(BigInt)
  return aMs === bMs ? Number(aSeq - bSeq) : Number(aMs - bMs)
}
