import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createInventoryItemsWorkflow,
  createProductsWorkflow,
  createStockLocationsWorkflow,
  deleteInventoryItemWorkflow,
  deleteInventoryLevelsWorkflow,
  deleteProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import {
  ADMIN_CHANNEL,
  REALTIME_MODULE,
  type RealtimeEvent,
  type RealtimeModuleService,
} from "../../src/modules/realtime"
import { notifyLowStockWorkflow } from "../../src/workflows/realtime/notify-low-stock"
import { removeLowStockAlertsWorkflow } from "../../src/workflows/realtime/remove-low-stock-alerts"
import { lockHoldsConnection } from "../../src/workflows/utils/lock-holds-connection"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(120 * 1000)

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const REDIS_BASE = `klelite-test-rtls-${process.pid}-${Date.now()}`
const switches = { REDIS_URL, REDIS_PREFIX: `${REDIS_BASE}:` }
Object.assign(process.env, switches)

/** The default threshold: a level with fewer units is low. */
const THRESHOLD = 5

type Stocked = {
  itemId: string
  levelId: string
  variantIds: string[]
}

medusaIntegrationTestRunner({
  inApp: true,
  env: switches,
  testSuite: ({ getContainer }) => {
    let container: MedusaContainer
    let realtime: RealtimeModuleService
    let locationId: string
    let stocked = 0

    /** Variants sharing one inventory item, stocked at one level. */
    async function stockedVariants(
      count: number,
      stocked_quantity: number
    ): Promise<Stocked> {
      stocked += 1
      const sku = `LOW-${stocked}`
      const {
        result: [item],
      } = await createInventoryItemsWorkflow(container).run({
        input: {
          items: [
            {
              sku,
              location_levels: [{ location_id: locationId, stocked_quantity }],
            },
          ],
        },
      })
      const sizes = Array.from({ length: count }, (_, i) => `${sku}-${i}`)
      const {
        result: [product],
      } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: `Low stock ${stocked}`,
              options: [{ title: "Size", values: sizes }],
              variants: sizes.map((size) => ({
                title: size,
                options: { Size: size },
                manage_inventory: true,
                inventory_items: [
                  { inventory_item_id: item.id, required_quantity: 1 },
                ],
                prices: [],
              })),
            },
          ],
        },
      })
      const [level] = await container
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: item.id })
      return {
        itemId: item.id,
        levelId: level.id,
        variantIds: (product.variants ?? []).map(({ id }) => id),
      }
    }

    const markers = async ({ levelId }: Stocked) =>
      (await realtime.listLowStockAlerts({ inventory_level_id: levelId }))
        .map(({ variant_id }) => variant_id)
        .sort()

    /** Sets the level's stock, then alerts as the stock-update subscriber does. */
    async function updateThenNotify(
      { itemId, levelId }: Stocked,
      stocked_quantity: number
    ) {
      await container.resolve(Modules.INVENTORY).updateInventoryLevels({
        inventory_item_id: itemId,
        location_id: locationId,
        stocked_quantity,
      })
      await notifyLowStockWorkflow(container).run({
        input: { inventory_level_id: levelId },
      })
    }

    beforeAll(async () => {
      container = getContainer()
      realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
      const {
        result: [location],
      } = await createStockLocationsWorkflow(container).run({
        input: { locations: [{ name: "Low-stock atelier" }] },
      })
      locationId = location.id
    })

    afterEach(() => {
      jest.restoreAllMocks()
    })

    afterAll(async () => {
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys(`*${REDIS_BASE}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    /**
     * Holds the next write of a marker for a while, and resolves once it
     * started: the run that writes it has read the stock and holds the
     * level's lock by then.
     */
    function slowNextMarkerWrite(ms = 300): Promise<void> {
      const execute = SqlEntityManager.prototype.execute
      return new Promise((started) => {
        let held = false
        jest
          .spyOn(SqlEntityManager.prototype, "execute")
          .mockImplementation(async function (
            this: SqlEntityManager,
            ...args: Parameters<SqlEntityManager["execute"]>
          ) {
            const [statement] = args
            if (
              !held &&
              typeof statement === "string" &&
              /^\s*(INSERT INTO|DELETE FROM) low_stock_alert\b/.test(statement)
            ) {
              held = true
              started()
              await new Promise((resolve) => setTimeout(resolve, ms))
            }
            return await execute.apply(this, args)
          })
      })
    }

    describe("opposite updates of one level at the same moment", () => {
      it("alerts each fall once and leaves the markers as the final stock has them", async () => {
        const stock = await stockedVariants(2, 20)
        const alerts: RealtimeEvent[] = []
        const unsubscribe = await realtime.subscribe(ADMIN_CHANNEL, (event) => {
          const { variant_id } = event.data as { variant_id: string }
          if (
            event.event === "inventory.low_stock" &&
            stock.variantIds.includes(variant_id)
          ) {
            alerts.push(event)
          }
        })
        try {
          for (let round = 0; round < 3; round++) {
            // Falls below the threshold as it comes back above it.
            let slowed = slowNextMarkerWrite()
            let updates = await Promise.allSettled([
              updateThenNotify(stock, 2),
              slowed.then(() => updateThenNotify(stock, 20)),
            ])
            expect(updates.map(({ status }) => status)).toEqual([
              "fulfilled",
              "fulfilled",
            ])
            jest.restoreAllMocks()
            expect(await markers(stock)).toEqual([])
            await waitFor(async () => alerts.length === 6 * round + 2, {
              what: "the alerts of the fall",
            })

            await updateThenNotify(stock, 3)
            expect(await markers(stock)).toEqual([...stock.variantIds].sort())
            await waitFor(async () => alerts.length === 6 * round + 4, {
              what: "the alerts of the next fall",
            })

            // Comes back above the threshold as it falls below it again.
            slowed = slowNextMarkerWrite()
            updates = await Promise.allSettled([
              updateThenNotify(stock, 20),
              slowed.then(() => updateThenNotify(stock, 1)),
            ])
            expect(updates.map(({ status }) => status)).toEqual([
              "fulfilled",
              "fulfilled",
            ])
            jest.restoreAllMocks()
            expect(await markers(stock)).toEqual([...stock.variantIds].sort())
            await waitFor(async () => alerts.length === 6 * round + 6, {
              what: "the alerts of the fall after the recovery",
            })

            // Still low: no alert; back above: ready for the next round.
            await updateThenNotify(stock, 0)
            await updateThenNotify(stock, 20)
            expect(await markers(stock)).toEqual([])
          }
          await new Promise((resolve) => setTimeout(resolve, 500))
          expect(alerts).toHaveLength(18)
          expect(
            alerts.every(
              ({ data }) =>
                (data as { available: number }).available < THRESHOLD
            )
          ).toBe(true)
        } finally {
          unsubscribe()
        }
      })
    })

    describe("the level's lock", () => {
      it("is a Redis lock, which holds no database connection", () => {
        expect(lockHoldsConnection(container)).toBe(false)
      })

      it("is free for the next run after a run whose alert fails", async () => {
        const stock = await stockedVariants(1, 0)
        jest
          .spyOn(realtime, "publish")
          .mockRejectedValueOnce(new Error("broker down"))
        const { errors } = await notifyLowStockWorkflow(container).run({
          input: { inventory_level_id: stock.levelId },
          throwOnError: false,
        })
        expect(errors[0]?.error?.message).toContain("broker down")
        // The failed alert took no marker, so the next run alerts.
        expect(await markers(stock)).toEqual([])

        const started = Date.now()
        const { result } = await notifyLowStockWorkflow(container).run({
          input: { inventory_level_id: stock.levelId },
        })
        expect(Date.now() - started).toBeLessThan(10 * 1000)
        expect(result.published).toEqual([
          expect.objectContaining({ event: "inventory.low_stock" }),
        ])
        expect(await markers(stock)).toEqual(stock.variantIds)
      })
    })

    describe("markers of deleted stock", () => {
      /** A low level whose variants were alerted. */
      async function lowStock(variants: number) {
        const stock = await stockedVariants(variants, 20)
        await updateThenNotify(stock, 0)
        expect(await markers(stock)).toEqual([...stock.variantIds].sort())
        return stock
      }

      it("are removed with the inventory level", async () => {
        const stock = await lowStock(2)
        const other = await lowStock(1)
        await deleteInventoryLevelsWorkflow(container).run({
          input: { id: [stock.levelId] },
        })
        await waitFor(async () => !(await markers(stock)).length, {
          what: "the markers of the deleted level to go",
        })
        expect(await markers(other)).toEqual(other.variantIds)
      })

      it("are removed after a run that read the level before its deletion", async () => {
        const stock = await stockedVariants(2, 0)
        // The run has read the low stock when its marker write starts; the
        // removal comes in meanwhile.
        const slowed = slowNextMarkerWrite(1000)
        const [notified, removal] = await Promise.allSettled([
          notifyLowStockWorkflow(container).run({
            input: { inventory_level_id: stock.levelId },
          }),
          slowed.then(() =>
            removeLowStockAlertsWorkflow(container).run({
              input: { inventory_level_ids: [stock.levelId] },
            })
          ),
        ])
        expect([notified.status, removal.status]).toEqual([
          "fulfilled",
          "fulfilled",
        ])
        expect(await markers(stock)).toEqual([])
      })

      it("are removed with the inventory item, whose levels go with it", async () => {
        const stock = await lowStock(1)
        await deleteInventoryItemWorkflow(container).run({
          input: [stock.itemId],
        })
        await waitFor(async () => !(await markers(stock)).length, {
          what: "the markers of the deleted item to go",
        })
      })

      it("are removed with the variant after a run that read the level before its deletion", async () => {
        const stock = await stockedVariants(2, 0)
        const [gone, kept] = stock.variantIds
        // The run has read both variants when its marker write starts; the
        // variant's deletion and removal come in meanwhile.
        const slowed = slowNextMarkerWrite(3000)
        const [notified, removal] = await Promise.allSettled([
          notifyLowStockWorkflow(container).run({
            input: { inventory_level_id: stock.levelId },
          }),
          slowed.then(async () => {
            await deleteProductVariantsWorkflow(container).run({
              input: { ids: [gone] },
            })
            await removeLowStockAlertsWorkflow(container).run({
              input: { variant_ids: [gone] },
            })
          }),
        ])
        expect([notified.status, removal.status]).toEqual([
          "fulfilled",
          "fulfilled",
        ])
        expect(await markers(stock)).toEqual([kept])
      })

      it("are removed with the variant, and only its", async () => {
        const stock = await lowStock(2)
        const [gone, kept] = stock.variantIds
        await deleteProductVariantsWorkflow(container).run({
          input: { ids: [gone] },
        })
        await waitFor(async () => (await markers(stock)).length === 1, {
          what: "the marker of the deleted variant to go",
        })
        expect(await markers(stock)).toEqual([kept])
      })
    })
  },
})
