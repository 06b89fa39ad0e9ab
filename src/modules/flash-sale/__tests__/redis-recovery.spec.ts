import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { Redis } from "ioredis"
import { setTimeout as sleep } from "timers/promises"
import { newReservation } from "../engine/new-reservation"
import { saleKeys } from "../engine/redis/keys"
import type { RedisReservationEngine } from "../engine/redis/redis-engine"
import FlashSaleModuleService from "../service"
import type { FlashSaleStore } from "../store/flash-sale-store"
import {
  flashSaleModuleRunner,
  separateRedisEngine,
  testRedis,
} from "./utils/test-setup"

jest.setTimeout(120_000)

// A logical database of its own: this file empties it with FLUSHDB.
const {
  url: REDIS_URL,
  keyPrefix: KEY_PREFIX,
  redis,
  flush: flushOwnDatabase,
} = testRedis(11, "recovery")

moduleIntegrationTestRunner<FlashSaleModuleService>({
  ...flashSaleModuleRunner("medusa-flash-sale-redis-recovery", {
    redisUrl: REDIS_URL,
    keyPrefix: KEY_PREFIX,
  }),
  testSuite: ({ service, medusaApp, MikroOrmWrapper }) => {
    describe("redis engine recovery", () => {
      /** A second instance: its own Redis connection and PostgreSQL pool. */
      let secondRedis: Redis
      let secondStore: FlashSaleStore
      let secondEngine: RedisReservationEngine

      beforeEach(() => {
        ;({
          redis: secondRedis,
          store: secondStore,
          engine: secondEngine,
        } = separateRedisEngine(
          REDIS_URL,
          KEY_PREFIX,
          MikroOrmWrapper.getManager()
        ))
      })

      afterEach(async () => {
        await secondRedis.quit()
        await medusaApp.onApplicationShutdown()
      })

      async function createSale(units: number, limit = 1) {
        const sale = await service.createFlashSales({
          title: "Macaron drop",
          starts_at: new Date(Date.now() - 60_000),
          ends_at: new Date(Date.now() + 3_600_000),
          status: "active",
        })
        const item = await service.createFlashSaleItems({
          sale_id: sale.id,
          variant_id: "variant_macaron_box",
          prices: { eur: 9 },
          units_allocated: units,
          per_customer_limit: limit,
        })
        return { saleId: sale.id, itemId: item.id }
      }

      function reserveWith(
        engine: Pick<FlashSaleModuleService, "reserve">,
        ids: { saleId: string; itemId: string },
        customerId: string,
        ttlSeconds = 600
      ) {
        return engine.reserve({ ...ids, customerId, quantity: 1, ttlSeconds })
      }

      /** PostgreSQL's counters, checked against the rows. */
      async function unitsInPostgres(itemId: string) {
        const item = await service.retrieveFlashSaleItem(itemId)
        const held = await service.listFlashSaleReservations(
          { item_id: itemId, status: ["active", "converted"] },
          { take: null }
        )
        const count = (status: string) =>
          held.filter((row) => row.status === status).length
        expect(item.units_reserved).toBe(count("active"))
        expect(item.units_sold).toBe(count("converted"))
        expect(item.units_sold + item.units_reserved).toBeLessThanOrEqual(
          item.units_allocated
        )
        return {
          room: item.units_allocated - item.units_sold - item.units_reserved,
          held: held.length,
        }
      }

      async function availableInRedis(ids: { saleId: string; itemId: string }) {
        const keys = saleKeys(KEY_PREFIX, ids.saleId)
        const available = await redis.hget(keys.item(ids.itemId), "available")
        return available === null ? null : Number(available)
      }

      it("rebuilds from PostgreSQL after FLUSHDB in the middle of a sale", async () => {
        const ids = await createSale(400)
        const before = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            reserveWith(service, ids, `cus_${i}`)
          )
        )
        await Promise.all(before.slice(0, 30).map((r) => service.confirm(r.id)))

        // Rebuilt from PostgreSQL, bought (cus_5) and held (cus_50) units
        // still count towards the customers' limits.
        await flushOwnDatabase()
        for (const [engine, customerId] of [
          [service, "cus_5"],
          [secondEngine, "cus_50"],
        ] as const) {
          expect(
            await reserveWith(engine, ids, customerId).catch((e) => e)
          ).toMatchObject({ message: expect.stringContaining("at most 1") })
        }

        // 400 more customers arrive in waves of 50 for the last 300 units,
        // on two instances; Redis is emptied as waves 3 and 6 arrive.
        const rush = Array.from({ length: 400 }, async (_, i) => {
          await sleep(Math.floor(i / 50) * 15)
          if (i === 100 || i === 250) {
            await flushOwnDatabase()
          }
          const engine = i % 2 ? service : secondEngine
          return await reserveWith(engine, ids, `cus_${100 + i}`)
        })
        const results = await Promise.allSettled(rush)

        const admitted = results.filter((r) => r.status === "fulfilled")
        for (const result of results) {
          if (result.status === "rejected") {
            expect(result.reason).toBeInstanceOf(MedusaError)
            expect(result.reason.type).toBe(MedusaError.Types.NOT_ALLOWED)
          }
        }
        // Every admitted reservation is in PostgreSQL, nothing else is.
        const { room, held } = await unitsInPostgres(ids.itemId)
        expect(held).toBe(100 + admitted.length)
        expect(admitted.length).toBeGreaterThan(0)

        // Once the racing writes are in, the next attempts bring Redis back
        // in line: one may find the copy stale and drop it, the next
        // rebuilds it.
        for (const customerId of ["cus_after_1", "cus_after_2"]) {
          await reserveWith(service, ids, customerId).catch(() => undefined)
        }
        const settled = await unitsInPostgres(ids.itemId)
        expect(await availableInRedis(ids)).toBe(settled.room)
        expect(settled.room).toBeLessThanOrEqual(room)
      })

      it("never oversells with two instances on the same sale", async () => {
        const ids = await createSale(150)

        const results = await Promise.allSettled(
          Array.from({ length: 400 }, (_, i) =>
            reserveWith(i % 2 ? service : secondEngine, ids, `cus_${i}`)
          )
        )
        const admitted = results.flatMap((r) =>
          r.status === "fulfilled" ? [r.value] : []
        )
        expect(admitted).toHaveLength(150)

        // Buy on one instance and release on the other while 100 new
        // customers try both.
        const churn = await Promise.allSettled([
          ...admitted.map((r, i) =>
            i % 3 ? service.confirm(r.id) : secondEngine.release(r.id)
          ),
          ...Array.from({ length: 100 }, (_, i) =>
            reserveWith(i % 2 ? service : secondEngine, ids, `new_${i}`)
          ),
        ])
        expect(churn.slice(0, 150).every((r) => r.status === "fulfilled")).toBe(
          true
        )
        const late = churn.slice(150).filter((r) => r.status === "fulfilled")
        expect(late.length).toBeLessThanOrEqual(50)

        const { room, held } = await unitsInPostgres(ids.itemId)
        expect(held).toBe(100 + late.length)
        expect(await availableInRedis(ids)).toBe(room)
      })

      it("marks one reservation per sell-out across two instances", async () => {
        const ids = await createSale(5)
        const lastUnitTakers = (results: PromiseSettledResult<unknown>[]) =>
          results.filter(
            (r) =>
              r.status === "fulfilled" &&
              (r.value as { took_last_unit: boolean }).took_last_unit
          ).length

        const first = await Promise.allSettled(
          Array.from({ length: 60 }, (_, i) =>
            reserveWith(i % 2 ? service : secondEngine, ids, `cus_${i}`)
          )
        )
        const admitted = first.flatMap((r) =>
          r.status === "fulfilled" ? [r.value] : []
        )
        expect(admitted).toHaveLength(5)
        expect(lastUnitTakers(first)).toBe(1)

        // Two units come back on one instance; both race for them again.
        await Promise.all(
          admitted.slice(0, 2).map((r) => secondEngine.release(r.id))
        )
        const second = await Promise.allSettled(
          Array.from({ length: 60 }, (_, i) =>
            reserveWith(i % 2 ? service : secondEngine, ids, `again_${i}`)
          )
        )
        expect(second.filter((r) => r.status === "fulfilled")).toHaveLength(2)
        expect(lastUnitTakers(second)).toBe(1)
        expect(await unitsInPostgres(ids.itemId)).toEqual({ room: 0, held: 5 })
      })

      it("repairs Redis at the deadline when a settle never reached it", async () => {
        const ids = await createSale(3)
        const [released, bought] = await Promise.all([
          reserveWith(service, ids, "cus_a", 60),
          reserveWith(service, ids, "cus_b", 60),
        ])
        // PostgreSQL settles, Redis never hears of it (a crash in between).
        await secondStore.endReservation(released.id, "released")
        await secondStore.convertReservation(bought.id, {}, new Date())
        expect(await availableInRedis(ids)).toBe(1)
        expect((await unitsInPostgres(ids.itemId)).room).toBe(2)

        expect((await service.sweepExpired(new Date())).reconciled).toBe(0)
        const sweep = await service.sweepExpired(new Date(Date.now() + 61_000))

        expect(sweep).toEqual({ expired: [], items: [], reconciled: 2 })
        expect(await availableInRedis(ids)).toBe(2)
        // cus_a's released unit no longer counts; cus_b bought theirs.
        await reserveWith(service, ids, "cus_a")
        expect(
          await reserveWith(service, ids, "cus_b").catch((e) => e)
        ).toMatchObject({ message: expect.stringContaining("at most 1") })
      })

      it("gives nothing back at the deadline for a returned purchase whose settle never reached Redis", async () => {
        const ids = await createSale(3)
        const bought = await reserveWith(service, ids, "cus_a", 60)
        // PostgreSQL sells the unit, Redis never hears of it; the order is
        // then canceled and its unit goes back once, to both.
        await secondStore.convertReservation(bought.id, {}, new Date())
        await service.returnPurchase(bought.id)
        expect(await availableInRedis(ids)).toBe(3)
        expect((await unitsInPostgres(ids.itemId)).room).toBe(3)

        const sweep = await service.sweepExpired(new Date(Date.now() + 61_000))

        expect(sweep).toEqual({ expired: [], items: [], reconciled: 1 })
        expect(await availableInRedis(ids)).toBe(3)
      })

      it("lets PostgreSQL refuse what a stale Redis copy admits, then rebuilds", async () => {
        const ids = await createSale(2)
        await reserveWith(service, ids, "cus_a")
        await reserveWith(service, ids, "cus_b")
        const keys = saleKeys(KEY_PREFIX, ids.saleId)
        await redis.hset(keys.item(ids.itemId), "available", 50)

        const refused = await reserveWith(service, ids, "cus_c").catch((e) => e)

        expect(refused).toMatchObject({
          type: MedusaError.Types.NOT_ALLOWED,
          message: "This flash sale item is sold out",
        })
        expect(await unitsInPostgres(ids.itemId)).toEqual({ room: 0, held: 2 })
        await reserveWith(service, ids, "cus_d").catch(() => undefined)
        expect(await availableInRedis(ids)).toBe(0)
      })

      it("writes exactly what fits when a stale copy over-promises to a batch", async () => {
        const ids = await createSale(5)
        await Promise.all(
          ["cus_a", "cus_b"].map((id) => reserveWith(service, ids, id))
        )
        const keys = saleKeys(KEY_PREFIX, ids.saleId)
        await redis.hset(keys.item(ids.itemId), "available", 50)

        // One batch of 20 for an item with 3 units left in PostgreSQL.
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            reserveWith(service, ids, `cus_batch_${i}`)
          )
        )

        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3)
        expect(await unitsInPostgres(ids.itemId)).toEqual({ room: 0, held: 5 })
      })

      it("lets PostgreSQL refuse a reservation past the limit that a reloaded copy admits", async () => {
        const ids = await createSale(10)
        await reserveWith(service, ids, "cus_a")
        // A reload that read PostgreSQL before cus_a's row was written.
        const keys = saleKeys(KEY_PREFIX, ids.saleId)
        await redis.hdel(keys.customers(ids.itemId), "cus_a")

        const refused = await reserveWith(service, ids, "cus_a").catch((e) => e)

        expect(refused).toMatchObject({
          type: MedusaError.Types.NOT_ALLOWED,
          message:
            "You can reserve at most 1 of this item in this flash sale and already have 1",
        })
        expect(await unitsInPostgres(ids.itemId)).toEqual({ room: 9, held: 1 })
        await reserveWith(service, ids, "cus_b")
        expect(await availableInRedis(ids)).toBe(8)
      })

      it("writes a batch's rows only up to each customer's limit", async () => {
        const ids = await createSale(10, 2)
        await reserveWith(service, ids, "cus_a")
        const now = new Date()
        const row = (customerId: string, quantity = 1) =>
          newReservation({ ...ids, customerId, quantity, ttlSeconds: 600 }, now)

        const results = await secondStore.recordReservations([
          row("cus_a"),
          row("cus_b", 2),
          row("cus_a"),
          row("cus_b"),
          row("cus_c", 3),
          row("cus_c"),
        ])

        expect(results.map((result) => result?.quantity ?? null)).toEqual([
          1,
          2,
          null,
          null,
          null,
          1,
        ])
        const item = await service.retrieveFlashSaleItem(ids.itemId)
        const active = await service.listFlashSaleReservations(
          { item_id: ids.itemId, status: "active" },
          { take: null }
        )
        const units = active.reduce((sum, { quantity }) => sum + quantity, 0)
        expect({ reserved: item.units_reserved, units }).toEqual({
          reserved: 5,
          units: 5,
        })
      })

      it("waits for another instance's rebuild instead of racing it", async () => {
        const ids = await createSale(5)
        await reserveWith(service, ids, "cus_a")
        const keys = saleKeys(KEY_PREFIX, ids.saleId)
        await flushOwnDatabase()
        await redis.set(keys.lock, "another-instance", "PX", 10_000)

        const startedAt = Date.now()
        const pending = reserveWith(secondEngine, ids, "cus_b")
        await sleep(200)
        await redis.del(keys.lock)
        const reservation = await pending

        expect(Date.now() - startedAt).toBeGreaterThanOrEqual(200)
        expect(reservation.status).toBe("active")
        expect(await availableInRedis(ids)).toBe(3)
      })

      it("loads an item added after its sale was loaded", async () => {
        const ids = await createSale(5)
        await reserveWith(service, ids, "cus_a")
        const added = await service.createFlashSaleItems({
          sale_id: ids.saleId,
          variant_id: "variant_eclair",
          prices: { eur: 4 },
          units_allocated: 7,
          per_customer_limit: 1,
        })

        await reserveWith(service, { ...ids, itemId: added.id }, "cus_a")

        expect(await availableInRedis({ ...ids, itemId: added.id })).toBe(6)
        expect(await availableInRedis(ids)).toBe(4)
      })
    })
  },
})
