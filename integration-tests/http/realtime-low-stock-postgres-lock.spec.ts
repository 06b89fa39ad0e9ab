import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createInventoryItemsWorkflow,
  createProductsWorkflow,
  createStockLocationsWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  REALTIME_MODULE,
  type RealtimeModuleService,
} from "../../src/modules/realtime"
import { notifyLowStockWorkflow } from "../../src/workflows/realtime/notify-low-stock"
import { lockHoldsConnection } from "../../src/workflows/utils/lock-holds-connection"

jest.setTimeout(5 * 60 * 1000)

// Without Redis the store locks with the PostgreSQL provider, as `npm start`
// does by default.
delete process.env.REDIS_URL
delete process.env.REDIS_PREFIX

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    let container: MedusaContainer

    beforeAll(() => {
      container = getContainer()
    })

    /** A product whose one variant is stocked at `stocked` in each new location. */
    async function stockedVariant(
      title: string,
      locationNames: string[],
      stocked: number
    ) {
      const { result: locations } = await createStockLocationsWorkflow(
        container
      ).run({ input: { locations: locationNames.map((name) => ({ name })) } })
      const {
        result: [item],
      } = await createInventoryItemsWorkflow(container).run({
        input: {
          items: [
            {
              sku: title.toUpperCase().replace(/\W+/g, "-"),
              location_levels: locations.map(({ id }) => ({
                location_id: id,
                stocked_quantity: stocked,
              })),
            },
          ],
        },
      })
      const {
        result: [product],
      } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title,
              options: [{ title: "Size", values: ["One"] }],
              variants: [
                {
                  title: "One",
                  options: { Size: "One" },
                  manage_inventory: true,
                  inventory_items: [
                    { inventory_item_id: item.id, required_quantity: 1 },
                  ],
                  prices: [],
                },
              ],
            },
          ],
        },
      })
      const levels = await container
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: item.id })
      return { locations, item, variantId: product.variants[0].id, levels }
    }

    describe("low-stock alerts with the PostgreSQL lock provider", () => {
      it("locks in a database transaction, holding a connection", () => {
        expect(lockHoldsConnection(container)).toBe(true)
      })

      it("alerts a level whose lock a crashed run left behind", async () => {
        const {
          locations: [location],
          item,
          variantId,
          levels: [level],
        } = await stockedVariant("Crashed lock", ["Crash-prone atelier"], 20)
        const inventory = container.resolve(Modules.INVENTORY)

        // The row a run dying between Medusa's acquire and release lock steps
        // leaves behind, which this provider never lets another owner take.
        await container
          .resolve(Modules.LOCKING)
          .acquire(`low-stock:${level.id}`, {
            ownerId: "crashed-run",
            expire: 1,
          })
        await new Promise((resolve) => setTimeout(resolve, 1500))

        await inventory.updateInventoryLevels({
          inventory_item_id: item.id,
          location_id: location.id,
          stocked_quantity: 2,
        })
        const started = Date.now()
        const { result } = await notifyLowStockWorkflow(container).run({
          input: { inventory_level_id: level.id },
        })

        expect(Date.now() - started).toBeLessThan(10 * 1000)
        expect(result.published).toEqual([
          expect.objectContaining({
            event: "inventory.low_stock",
            data: expect.objectContaining({
              variant_id: variantId,
              available: 2,
            }),
          }),
        ])
        const markers = await container
          .resolve<RealtimeModuleService>(REALTIME_MODULE)
          .listLowStockAlerts({ inventory_level_id: level.id })
        expect(markers.map(({ variant_id }) => variant_id)).toEqual([variantId])
      })

      it("settles a burst of syncs, on many levels and on one, without running out of connections", async () => {
        const { variantId, levels } = await stockedVariant(
          "Burst",
          Array.from({ length: 12 }, (_, index) => `Burst atelier ${index}`),
          2
        )
        expect(levels).toHaveLength(12)

        // Each of the 12 levels once, and the first 12 more times, at once.
        const runs = await Promise.allSettled(
          [...levels, ...levels.map(() => levels[0])].map((level) =>
            notifyLowStockWorkflow(container).run({
              input: { inventory_level_id: level.id },
            })
          )
        )

        expect(runs.filter(({ status }) => status === "rejected")).toEqual([])
        const markers = await container
          .resolve<RealtimeModuleService>(REALTIME_MODULE)
          .listLowStockAlerts({ variant_id: variantId })
        expect(
          markers.map(({ inventory_level_id }) => inventory_level_id).sort()
        ).toEqual(levels.map(({ id }) => id).sort())
      })
    })
  },
})
