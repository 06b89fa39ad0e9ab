import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { setTimeout as sleep } from "timers/promises"
import type { FlashSaleModuleOptions } from ".."
import { saleKeys } from "../engine/redis/keys"
import FlashSaleModuleService from "../service"
import { flashSaleModuleRunner, testRedis } from "./utils/test-setup"

jest.setTimeout(120_000)

const { url: REDIS_URL, keyPrefix: KEY_PREFIX, redis } = testRedis(0, "engines")

type EngineCase = {
  name: "postgres" | "redis"
  options: FlashSaleModuleOptions
}

const ENGINES: EngineCase[] = [
  { name: "postgres", options: {} },
  { name: "redis", options: { redisUrl: REDIS_URL, keyPrefix: KEY_PREFIX } },
]

type SaleSetup = {
  units: number
  limit?: number
  startsInSeconds?: number
  endsInSeconds?: number
  status?: "draft" | "scheduled" | "active" | "ended"
}

function refusalOf(result: PromiseSettledResult<unknown>): MedusaError {
  if (result.status !== "rejected" || !(result.reason instanceof MedusaError)) {
    throw new Error(`Expected a MedusaError, got ${JSON.stringify(result)}`)
  }
  return result.reason
}

async function rejection(promise: Promise<unknown>): Promise<MedusaError> {
  const [result] = await Promise.allSettled([promise])
  return refusalOf(result)
}

for (const engine of ENGINES) {
  moduleIntegrationTestRunner<FlashSaleModuleService>({
    ...flashSaleModuleRunner(
      `medusa-flash-sale-engines-${engine.name}`,
      engine.options
    ),
    testSuite: ({ service, medusaApp, MikroOrmWrapper }) => {
      describe(`${engine.name} engine`, () => {
        afterEach(async () => {
          // Closes the module's Redis connection; the runner does not.
          await medusaApp.onApplicationShutdown()
        })

        async function createSale({
          units,
          limit = 1,
          startsInSeconds = -60,
          endsInSeconds = 3600,
          status = "active",
        }: SaleSetup) {
          const now = Date.now()
          const sale = await service.createFlashSales({
            title: "Croissant rush",
            starts_at: new Date(now + startsInSeconds * 1000),
            ends_at: new Date(now + endsInSeconds * 1000),
            status,
          })
          const item = await service.createFlashSaleItems({
            sale_id: sale.id,
            variant_id: "variant_croissant",
            prices: { eur: 1.5, usd: 1.7 },
            units_allocated: units,
            per_customer_limit: limit,
          })
          return { saleId: sale.id, itemId: item.id }
        }

        function reserve(
          ids: { saleId: string; itemId: string },
          customerId: string,
          quantity = 1,
          ttlSeconds = 600
        ) {
          return service.reserve({ ...ids, customerId, quantity, ttlSeconds })
        }

        /** The item's counters, checked against its rows and Redis copy. */
        async function unitsOf(ids: { saleId: string; itemId: string }) {
          const item = await service.retrieveFlashSaleItem(ids.itemId)
          const active = await service.listFlashSaleReservations(
            { item_id: ids.itemId, status: "active" },
            { take: null }
          )
          const converted = await service.listFlashSaleReservations(
            { item_id: ids.itemId, status: "converted" },
            { take: null }
          )
          const sum = (rows: { quantity: number }[]) =>
            rows.reduce((total, row) => total + row.quantity, 0)

          expect(item.units_reserved).toBe(sum(active))
          expect(item.units_sold).toBe(sum(converted))
          expect(item.units_sold + item.units_reserved).toBeLessThanOrEqual(
            item.units_allocated
          )
          if (engine.name === "redis") {
            const keys = saleKeys(KEY_PREFIX, ids.saleId)
            const available = await redis.hget(
              keys.item(ids.itemId),
              "available"
            )
            expect(available).not.toBeNull()
            expect(Number(available)).toBe(
              item.units_allocated - item.units_sold - item.units_reserved
            )
            expect(await redis.zcard(keys.expiries)).toBe(active.length)
          }
          return {
            sold: item.units_sold,
            reserved: item.units_reserved,
            active,
          }
        }

        it("admits exactly 100 of 500 customers racing for 100 units", async () => {
          const ids = await createSale({ units: 100 })

          const results = await Promise.allSettled(
            Array.from({ length: 500 }, (_, i) => reserve(ids, `cus_${i}`))
          )

          const admitted = results.filter((r) => r.status === "fulfilled")
          const refused = results.filter((r) => r.status === "rejected")
          expect(admitted).toHaveLength(100)
          for (const result of refused) {
            expect(refusalOf(result)).toMatchObject({
              type: MedusaError.Types.NOT_ALLOWED,
              message: "This flash sale item is sold out",
            })
          }
          const { reserved, active } = await unitsOf(ids)
          expect(reserved).toBe(100)
          expect(new Set(active.map((row) => row.customer_id)).size).toBe(100)
        })

        it("keeps one customer to 2 units over 50 concurrent attempts", async () => {
          const ids = await createSale({ units: 100, limit: 2 })

          const results = await Promise.allSettled(
            Array.from({ length: 50 }, () => reserve(ids, "cus_greedy"))
          )

          expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(
            2
          )
          for (const result of results.filter((r) => r.status === "rejected")) {
            expect(refusalOf(result)).toMatchObject({
              type: MedusaError.Types.NOT_ALLOWED,
              message: expect.stringContaining("at most 2"),
            })
          }
          const { reserved } = await unitsOf(ids)
          expect(reserved).toBe(2)
          // The limit counts units, not reservations.
          const other = await reserve(ids, "cus_other", 2)
          expect(other.quantity).toBe(2)
          expect(await rejection(reserve(ids, "cus_other", 1))).toMatchObject({
            type: MedusaError.Types.NOT_ALLOWED,
          })
        })

        it("gives expired reservations' units back on sweepExpired", async () => {
          const ids = await createSale({ units: 10, limit: 1 })
          await Promise.all(
            Array.from({ length: 10 }, (_, i) =>
              reserve(ids, `cus_${i}`, 1, 60)
            )
          )
          expect(await rejection(reserve(ids, "cus_late"))).toMatchObject({
            message: "This flash sale item is sold out",
          })

          const early = await service.sweepExpired(new Date())
          expect(early.expired).toEqual([])
          const swept = await service.sweepExpired(
            new Date(Date.now() + 61_000)
          )

          expect(swept.expired).toHaveLength(10)
          const after = await unitsOf(ids)
          expect(after).toMatchObject({ sold: 0, reserved: 0 })
          const expired = await service.listFlashSaleReservations(
            { item_id: ids.itemId, status: "expired" },
            { take: null }
          )
          expect(expired).toHaveLength(10)
          // The units are free again, and expired holds no longer count
          // towards the customers' limits.
          const again = await Promise.allSettled(
            Array.from({ length: 12 }, (_, i) => reserve(ids, `cus_${i}`))
          )
          expect(again.filter((r) => r.status === "fulfilled")).toHaveLength(10)
          expect((await unitsOf(ids)).reserved).toBe(10)
          expect(
            (await service.sweepExpired(new Date(Date.now() + 61_000)))
              .reconciled
          ).toBe(0)
        })

        it("sweeps other items while another transaction holds one item's overdue reservations", async () => {
          const busy = await createSale({ units: 5 })
          const idle = await createSale({ units: 5 })
          const held = await reserve(busy, "cus_a", 1, 30)
          const due = await reserve(idle, "cus_b", 1, 60)
          const transaction = await MikroOrmWrapper.getManager()
            .getKnex()
            .transaction()
          try {
            await transaction.raw(
              "SELECT id FROM flash_sale_reservation WHERE id = ? FOR UPDATE",
              [held.id]
            )
            const swept = await service.sweepExpired(
              new Date(Date.now() + 61_000)
            )
            expect(swept.expired).toEqual([due.id])
          } finally {
            await transaction.rollback()
          }
          const later = await service.sweepExpired(
            new Date(Date.now() + 61_000)
          )
          expect(later.expired).toEqual([held.id])
          expect(await unitsOf(busy)).toMatchObject({ reserved: 0 })
          expect(await unitsOf(idle)).toMatchObject({ reserved: 0 })
        })

        it("turns confirmed reservations into sold units", async () => {
          const ids = await createSale({ units: 20, limit: 1 })
          const reservations = await Promise.all(
            Array.from({ length: 20 }, (_, i) => reserve(ids, `cus_${i}`))
          )

          const confirmed = await Promise.all(
            reservations
              .slice(0, 12)
              .map((r, i) => service.confirm(r.id, { orderId: `order_${i}` }))
          )
          await Promise.all(
            reservations.slice(12, 17).map((r) => service.release(r.id))
          )

          expect(confirmed[0]).toMatchObject({
            status: "converted",
            order_id: "order_0",
            sale_id: ids.saleId,
          })
          expect(await unitsOf(ids)).toMatchObject({ sold: 12, reserved: 3 })

          // Repeats are no-ops; crossing over is refused.
          const again = await service.confirm(reservations[0].id, {
            orderId: "order_0",
          })
          expect(again.status).toBe("converted")
          const released = await service.release(reservations[12].id)
          expect(released.status).toBe("released")
          expect(
            await rejection(service.release(reservations[0].id))
          ).toMatchObject({
            type: MedusaError.Types.NOT_ALLOWED,
            message: "This flash sale reservation was already purchased",
          })
          expect(
            await rejection(service.confirm(reservations[12].id))
          ).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED })
          expect(
            await rejection(service.confirm("fsres_missing"))
          ).toMatchObject({ type: MedusaError.Types.NOT_FOUND })
          expect(await unitsOf(ids)).toMatchObject({ sold: 12, reserved: 3 })

          // The 5 released units sell again, to new customers only.
          const rush = await Promise.allSettled(
            Array.from({ length: 40 }, (_, i) => reserve(ids, `cus_${i}`))
          )
          expect(rush.filter((r) => r.status === "fulfilled")).toHaveLength(5)
          expect(await unitsOf(ids)).toMatchObject({ sold: 12, reserved: 8 })
        })

        it("returns the units of canceled purchases once, even when asked concurrently", async () => {
          const ids = await createSale({ units: 3, limit: 1 })
          const bought = await Promise.all(
            ["cus_a", "cus_b", "cus_c"].map(async (customer, i) => {
              const reservation = await reserve(ids, customer)
              return await service.confirm(reservation.id, {
                orderId: `order_${i}`,
              })
            })
          )
          expect(await unitsOf(ids)).toMatchObject({ sold: 3, reserved: 0 })
          expect(await rejection(reserve(ids, "cus_d"))).toMatchObject({
            message: "This flash sale item is sold out",
          })

          // The same cancellation delivered ten times returns the units once.
          const returns = await Promise.all(
            Array.from({ length: 10 }, () =>
              service.returnPurchase(bought[0].id)
            )
          )
          expect(returns.filter((r) => r.changed)).toHaveLength(1)
          expect(returns[0].reservation.status).toBe("returned")
          expect(await unitsOf(ids)).toMatchObject({ sold: 2, reserved: 0 })

          // The unit sells again, and the customer's limit is free again.
          const again = await reserve(ids, "cus_a")
          expect(again.status).toBe("active")
          expect(await rejection(reserve(ids, "cus_d"))).toMatchObject({
            message: "This flash sale item is sold out",
          })
          expect(await unitsOf(ids)).toMatchObject({ sold: 2, reserved: 1 })

          // Only bought units can be returned.
          expect(
            await rejection(service.returnPurchase(again.id))
          ).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED })
          expect(
            await rejection(service.returnPurchase("fsres_missing"))
          ).toMatchObject({ type: MedusaError.Types.NOT_FOUND })

          // Undoing a return takes the units again only while they are free.
          expect(await service.undoReturn(bought[2].id)).toMatchObject({
            changed: false,
            took_last_unit: false,
          })
          expect(
            await rejection(service.undoReturn(bought[0].id))
          ).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED })
          await service.returnPurchase(bought[1].id)
          const undone = await service.undoReturn(bought[1].id)
          // It took the last free unit: a sell-out again.
          expect(undone).toMatchObject({
            changed: true,
            took_last_unit: true,
            reservation: { status: "converted" },
          })
          expect(await unitsOf(ids)).toMatchObject({ sold: 2, reserved: 1 })
          await service.returnPurchase(bought[1].id)
          await reserve(ids, "cus_e")
          expect(
            await rejection(service.undoReturn(bought[1].id))
          ).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED })
          const after = await unitsOf(ids)
          expect(after).toMatchObject({ sold: 1, reserved: 2 })
        })

        it("marks the allocation change that leaves an item no unit to sell, once", async () => {
          const ids = await createSale({ units: 5, limit: 3 })
          const other = await createSale({ units: 5 })
          await reserve(ids, "cus_a", 3)
          const allocate = (units: number, saleId = ids.saleId) =>
            service.setAllocations(saleId, [
              { id: ids.itemId, units_allocated: units },
            ])

          expect(await allocate(4)).toEqual([
            {
              id: ids.itemId,
              sale_id: ids.saleId,
              variant_id: "variant_croissant",
              units_left: 1,
            },
          ])
          expect(await allocate(3)).toEqual([
            expect.objectContaining({ id: ids.itemId, units_left: 0 }),
          ])
          // Already sold out, or another sale's item: nothing changes.
          expect(await allocate(3)).toEqual([])
          expect(await allocate(1, other.saleId)).toEqual([])
          expect(
            String(await allocate(2).catch((error: unknown) => error))
          ).toMatch(/flash_sale_item_units_check/)
          expect(await service.retrieveFlashSaleItem(ids.itemId)).toMatchObject(
            { units_allocated: 3, units_reserved: 3, units_sold: 0 }
          )
          expect(await allocate(6)).toEqual([
            expect.objectContaining({ units_left: 3 }),
          ])
        })

        it("marks one reservation per sell-out, again each time units come back and sell out", async () => {
          const ids = await createSale({ units: 4, limit: 2 })
          let wave = 0
          /** N customers rush at once; returns the admitted reservations. */
          async function rush(customers: number, quantity = 1) {
            wave += 1
            const results = await Promise.allSettled(
              Array.from({ length: customers }, (_, i) =>
                reserve(ids, `cus_${wave}_${i}`, quantity, 60)
              )
            )
            return results.flatMap((r) =>
              r.status === "fulfilled" ? [r.value] : []
            )
          }
          const lastUnitTakers = (admitted: { took_last_unit: boolean }[]) =>
            admitted.filter((r) => r.took_last_unit).length

          // 2 of 4 units leave some: no sell-out yet.
          const [pair] = await rush(1, 2)
          expect(pair.took_last_unit).toBe(false)
          const first = await rush(30)
          expect(first).toHaveLength(2)
          expect(lastUnitTakers(first)).toBe(1)

          // A release gives one unit back: the next rush sells out again.
          await service.release(first[0].id)
          const second = await rush(30)
          expect(second).toHaveLength(1)
          expect(lastUnitTakers(second)).toBe(1)

          // A canceled purchase gives units back.
          await service.confirm(pair.id, { orderId: "order_pair" })
          await service.returnPurchase(pair.id)
          const third = await rush(30)
          expect(third).toHaveLength(2)
          expect(lastUnitTakers(third)).toBe(1)

          // Expired holds give units back.
          const swept = await service.sweepExpired(
            new Date(Date.now() + 61_000)
          )
          expect(swept.expired).toHaveLength(4)
          const fourth = await rush(30)
          expect(fourth).toHaveLength(4)
          expect(lastUnitTakers(fourth)).toBe(1)
          // Refusals of a sold-out item never mark anything.
          expect(await rush(10)).toEqual([])
          expect(await unitsOf(ids)).toMatchObject({ sold: 0, reserved: 4 })
        })

        it("never exceeds the allocation while reserving, buying and releasing at once", async () => {
          const ids = await createSale({ units: 30, limit: 1 })

          // Each customer reserves, then buys (even) or releases (odd).
          const results = await Promise.allSettled(
            Array.from({ length: 120 }, async (_, i) => {
              const reservation = await reserve(ids, `cus_${i}`)
              return i % 2
                ? await service.release(reservation.id)
                : await service.confirm(reservation.id)
            })
          )

          const done = results.flatMap((r) =>
            r.status === "fulfilled" ? [r.value] : []
          )
          const { sold, reserved } = await unitsOf(ids)
          expect(reserved).toBe(0)
          expect(sold).toBe(done.filter((r) => r.status === "converted").length)
          expect(sold).toBeGreaterThan(0)
          expect(sold).toBeLessThanOrEqual(30)
        })

        it("refuses a confirmation after the reservation's deadline", async () => {
          const ids = await createSale({ units: 5 })
          const reservation = await reserve(ids, "cus_slow", 1, 1)
          await sleep(1_100)

          expect(
            await rejection(service.confirm(reservation.id))
          ).toMatchObject({
            type: MedusaError.Types.NOT_ALLOWED,
            message: expect.stringContaining("expired"),
          })
          expect(await unitsOf(ids)).toMatchObject({ sold: 0, reserved: 1 })
        })

        it("tells customers why a reservation is refused", async () => {
          const live = await createSale({ units: 5, limit: 3 })
          const upcoming = await createSale({ units: 5, startsInSeconds: 600 })
          const over = await createSale({
            units: 5,
            startsInSeconds: -7200,
            endsInSeconds: -60,
          })
          const draft = await createSale({ units: 5, status: "draft" })

          expect(
            await rejection(reserve({ ...live, saleId: "fsale_nope" }, "c"))
          ).toMatchObject({
            type: MedusaError.Types.NOT_FOUND,
            message: "Flash sale fsale_nope was not found",
          })
          expect(
            await rejection(reserve({ ...live, itemId: "fsitem_nope" }, "c"))
          ).toMatchObject({ type: MedusaError.Types.NOT_FOUND })
          expect(
            await rejection(reserve({ ...live, itemId: upcoming.itemId }, "c"))
          ).toMatchObject({ type: MedusaError.Types.NOT_FOUND })
          expect(await rejection(reserve(upcoming, "c"))).toMatchObject({
            type: MedusaError.Types.NOT_ALLOWED,
            message: expect.stringMatching(/^This flash sale starts at .+Z/),
          })
          expect(await rejection(reserve(over, "c"))).toMatchObject({
            type: MedusaError.Types.NOT_ALLOWED,
            message: "This flash sale has ended",
          })
          expect(await rejection(reserve(draft, "c"))).toMatchObject({
            type: MedusaError.Types.NOT_ALLOWED,
            message: "This flash sale is not open for reservations",
          })
          expect(await rejection(reserve(live, "c", 6))).toMatchObject({
            type: MedusaError.Types.NOT_ALLOWED,
            message: "Only 5 left in this flash sale; lower the quantity",
          })
          expect(await rejection(reserve(live, "c", 0))).toMatchObject({
            type: MedusaError.Types.INVALID_DATA,
          })
          expect(
            await rejection(reserve({ ...live, saleId: "{sale:x}" }, "c"))
          ).toMatchObject({ type: MedusaError.Types.INVALID_DATA })
          expect(await unitsOf(live)).toMatchObject({ sold: 0, reserved: 0 })
        })

        it("allows 5 attempts a minute per customer and refuses the 6th", async () => {
          const results = await Promise.all(
            Array.from({ length: 8 }, () =>
              service.limitReservationAttempts("cus_hasty")
            )
          )

          expect(results.filter((r) => r.allowed)).toHaveLength(5)
          const refused = results.filter((r) => !r.allowed)
          expect(refused).toHaveLength(3)
          for (const result of refused) {
            expect(result.retryAfterSeconds).toBeGreaterThan(0)
            expect(result.retryAfterSeconds).toBeLessThanOrEqual(60)
          }
          const other = await service.limitReservationAttempts("cus_calm")
          expect(other).toEqual({
            allowed: true,
            retryAfterSeconds: 0,
            remaining: 4,
          })
        })

        it("reports its health", async () => {
          expect(await service.healthCheck()).toMatchObject({
            engine: engine.name,
            ok: true,
          })
        })
      })
    },
  })
}
