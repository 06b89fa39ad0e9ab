import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { Redis } from "ioredis"
import { newReservation } from "../engine/new-reservation"
import { saleKeys } from "../engine/redis/keys"
import type { RedisReservationEngine } from "../engine/redis/redis-engine"
import {
  FlashSaleScripts,
  parseReservationDetails,
} from "../engine/redis/scripts"
import FlashSaleModuleService from "../service"
import type { FlashSaleStore } from "../store/flash-sale-store"
import type { ReserveInput } from "../types"
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
} = testRedis(12, "batch")

type Ids = { saleId: string; itemId: string }

moduleIntegrationTestRunner<FlashSaleModuleService>({
  ...flashSaleModuleRunner("medusa-flash-sale-admission-batch", {
    redisUrl: REDIS_URL,
    keyPrefix: KEY_PREFIX,
  }),
  testSuite: ({ service, medusaApp, MikroOrmWrapper }) => {
    describe("coalesced admission on the redis engine", () => {
      let engineRedis: Redis
      let engine: RedisReservationEngine
      let store: FlashSaleStore
      let scripts: FlashSaleScripts
      let scriptCalls: jest.SpyInstance

      beforeEach(() => {
        ;({
          redis: engineRedis,
          store,
          engine,
        } = separateRedisEngine(
          REDIS_URL,
          KEY_PREFIX,
          MikroOrmWrapper.getManager(),
          { enableAutoPipelining: true }
        ))
        scripts = new FlashSaleScripts(redis)
        scriptCalls = jest.spyOn(FlashSaleScripts.prototype, "reserveBatch")
      })

      afterEach(async () => {
        scriptCalls.mockRestore()
        await engineRedis.quit()
        await medusaApp.onApplicationShutdown()
      })

      async function createSale(
        items: { units: number; limit: number }[],
        window = { startsIn: -60_000, endsIn: 3_600_000 }
      ) {
        const sale = await service.createFlashSales({
          title: "Pain au chocolat drop",
          starts_at: new Date(Date.now() + window.startsIn),
          ends_at: new Date(Date.now() + window.endsIn),
          status: "active",
        })
        const created = await service.createFlashSaleItems(
          items.map(({ units, limit }, index) => ({
            sale_id: sale.id,
            variant_id: `variant_pastry_${index}`,
            prices: { eur: 2 },
            units_allocated: units,
            per_customer_limit: limit,
          }))
        )
        return {
          saleId: sale.id,
          startsAt: new Date(sale.starts_at),
          itemIds: created.map((item) => item.id),
        }
      }

      function input(ids: Ids, customerId: string, quantity = 1): ReserveInput {
        return { ...ids, customerId, quantity, ttlSeconds: 600 }
      }

      /** Loads the sale's Redis copy through the engine with one reservation. */
      async function load(ids: Ids) {
        await engine.reserve(input(ids, "cus_loader"))
      }

      async function redisItem(ids: Ids) {
        const keys = saleKeys(KEY_PREFIX, ids.saleId)
        return {
          available: Number(
            await redis.hget(keys.item(ids.itemId), "available")
          ),
          customers: await redis.hgetall(keys.customers(ids.itemId)),
        }
      }

      /** PostgreSQL's counters, checked against its rows. */
      async function unitsInPostgres(itemId: string) {
        const item = await service.retrieveFlashSaleItem(itemId)
        const active = await service.listFlashSaleReservations(
          { item_id: itemId, status: "active" },
          { take: null }
        )
        const reserved = active.reduce((sum, row) => sum + row.quantity, 0)
        expect(item.units_reserved).toBe(reserved)
        expect(item.units_sold + item.units_reserved).toBeLessThanOrEqual(
          item.units_allocated
        )
        return item.units_allocated - item.units_sold - item.units_reserved
      }

      it("answers each reservation of one call on its own, in order", async () => {
        const {
          saleId,
          startsAt,
          itemIds: [scone, tart],
        } = await createSale([
          { units: 6, limit: 2 },
          { units: 10, limit: 1 },
        ])
        const sconeIds = { saleId, itemId: scone }
        const tartIds = { saleId, itemId: tart }
        await load(sconeIds)
        const now = new Date()
        const at = (ids: Ids, customerId: string, quantity = 1, time = now) =>
          newReservation(input(ids, customerId, quantity), time)
        const batch = [
          at(sconeIds, "cus_a", 2),
          at(tartIds, "cus_a"),
          at(sconeIds, "cus_a"),
          at(sconeIds, "cus_b", 5),
          at({ saleId, itemId: "fsitem_not_loaded" }, "cus_a"),
          at(sconeIds, "cus_c", 1, new Date(now.getTime() - 3_600_000)),
          at(sconeIds, "cus_c", 1, new Date(now.getTime() + 7_200_000)),
          at(tartIds, "cus_a"),
          at(sconeIds, "cus_b", 2),
          at(sconeIds, "cus_loader"),
          at(sconeIds, "cus_d"),
          at(tartIds, 'cus "odd"/é\\'),
        ]

        const outcomes = await scripts.reserveBatch(
          saleKeys(KEY_PREFIX, saleId),
          batch
        )

        expect(outcomes).toEqual([
          { code: "ok", available: 3 },
          { code: "ok", available: 9 },
          { code: "over_limit", held: 2, limit: 2 },
          { code: "sold_out", available: 3 },
          { code: "missing_item" },
          { code: "not_started", startsAt },
          { code: "ended" },
          { code: "over_limit", held: 1, limit: 1 },
          { code: "ok", available: 1 },
          { code: "ok", available: 0 },
          { code: "sold_out", available: 0 },
          { code: "ok", available: 8 },
        ])
        expect(await redisItem(sconeIds)).toEqual({
          available: 0,
          customers: { cus_loader: "2", cus_a: "2", cus_b: "2" },
        })
        expect(await redisItem(tartIds)).toEqual({
          available: 8,
          customers: { cus_a: "1", 'cus "odd"/é\\': "1" },
        })
        // Only the admitted ones are recorded, with the sweeper's details.
        const keys = saleKeys(KEY_PREFIX, saleId)
        for (const [index, reservation] of batch.entries()) {
          const details = await redis.hget(keys.reservations, reservation.id)
          const deadline = await redis.zscore(keys.expiries, reservation.id)
          if ([0, 1, 8, 9, 11].includes(index)) {
            expect(parseReservationDetails(reservation.id, details)).toEqual({
              id: reservation.id,
              item_id: reservation.itemId,
              customer_id: reservation.customerId,
              quantity: reservation.quantity,
            })
            expect(Number(deadline)).toBe(reservation.expiresAt.getTime())
          } else {
            expect(details).toBeNull()
            expect(deadline).toBeNull()
          }
        }
      })

      it("counts a customer's reservations of one call towards the limit", async () => {
        const {
          saleId,
          itemIds: [itemId],
        } = await createSale([{ units: 50, limit: 2 }])
        const ids = { saleId, itemId }
        await load(ids)
        scriptCalls.mockClear()

        const results = await Promise.allSettled(
          Array.from({ length: 6 }, () => engine.reserve(input(ids, "cus_x")))
        )

        expect(scriptCalls).toHaveBeenCalledTimes(1)
        expect(results.map((result) => result.status)).toEqual([
          "fulfilled",
          "fulfilled",
          "rejected",
          "rejected",
          "rejected",
          "rejected",
        ])
        for (const result of results.slice(2)) {
          expect(result).toMatchObject({
            reason: {
              type: MedusaError.Types.NOT_ALLOWED,
              message: expect.stringContaining("at most 2"),
            },
          })
        }
        expect((await redisItem(ids)).customers.cus_x).toBe("2")
        expect(await unitsInPostgres(itemId)).toBe(47)
      })

      it("admits in arrival order up to the sell-out inside one call", async () => {
        const {
          saleId,
          itemIds: [itemId],
        } = await createSale([{ units: 6, limit: 3 }])
        // The loading reservation takes one: 5 left for this call.
        const ids = { saleId, itemId }
        await load(ids)
        scriptCalls.mockClear()

        const results = await Promise.allSettled([
          engine.reserve(input(ids, "cus_1", 2)),
          engine.reserve(input(ids, "cus_2", 2)),
          engine.reserve(input(ids, "cus_3", 2)),
          engine.reserve(input(ids, "cus_4", 1)),
          ...Array.from({ length: 10 }, (_, i) =>
            engine.reserve(input(ids, `cus_late_${i}`))
          ),
        ])

        expect(scriptCalls).toHaveBeenCalledTimes(1)
        const admitted = results.flatMap((result) =>
          result.status === "fulfilled" ? [result.value] : []
        )
        expect(admitted.map((r) => r.customer_id)).toEqual([
          "cus_1",
          "cus_2",
          "cus_4",
        ])
        expect(admitted.filter((r) => r.took_last_unit)).toHaveLength(1)
        expect(results[2]).toMatchObject({
          reason: {
            message: "Only 1 left in this flash sale; lower the quantity",
          },
        })
        for (const result of results.slice(4)) {
          expect(result).toMatchObject({
            reason: { message: "This flash sale item is sold out" },
          })
        }
        expect((await redisItem(ids)).available).toBe(0)
        expect(await unitsInPostgres(itemId)).toBe(0)
      })

      it("rebuilds once when Redis is emptied between two calls, never overselling", async () => {
        const {
          saleId,
          itemIds: [itemId],
        } = await createSale([{ units: 30, limit: 1 }])
        const ids = { saleId, itemId }
        const first = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            engine.reserve(input(ids, `cus_${i}`))
          )
        )
        expect(first.every((r) => r.status === "fulfilled")).toBe(true)

        await flushOwnDatabase()
        scriptCalls.mockClear()
        const snapshots = jest.spyOn(store, "snapshot")
        // Customers of the first call come back; their units still count.
        const second = await Promise.allSettled(
          Array.from({ length: 30 }, (_, i) =>
            engine.reserve(input(ids, `cus_${i}`))
          )
        )

        // One call finds the copy gone, all wait for one rebuild, and
        // the retries go out together again.
        expect(scriptCalls).toHaveBeenCalledTimes(2)
        expect(snapshots).toHaveBeenCalledTimes(1)
        const admitted = second.filter((r) => r.status === "fulfilled")
        expect(admitted).toHaveLength(10)
        for (const result of second.slice(0, 20)) {
          expect(result).toMatchObject({
            reason: { message: expect.stringContaining("at most 1") },
          })
        }
        expect(await unitsInPostgres(itemId)).toBe(0)
        expect((await redisItem(ids)).available).toBe(0)
      })
    })
  },
})
