import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import FlashSaleModuleService from "../service"
import * as sql from "../store/sql"
import { flashSaleModuleRunner } from "./utils/test-setup"

jest.setTimeout(120_000)

const CUSTOMER_INDEX = "IDX_flash_sale_reservation_customer_id_item_id"

/** Holds of other customers already written when the limit is looked up. */
const RUSH_HOLDS = 20_000

moduleIntegrationTestRunner<FlashSaleModuleService>({
  ...flashSaleModuleRunner("medusa-flash-sale-limit-lookup", {}),
  testSuite: ({ service, MikroOrmWrapper }) => {
    describe("postgres engine's per-customer limit lookup", () => {
      async function createSale(limit: number) {
        const sale = await service.createFlashSales({
          title: "Galette rush",
          starts_at: new Date(Date.now() - 60_000),
          ends_at: new Date(Date.now() + 3_600_000),
          status: "active",
        })
        const item = await service.createFlashSaleItems({
          sale_id: sale.id,
          variant_id: "variant_galette",
          prices: { eur: 4 },
          units_allocated: RUSH_HOLDS + 100,
          per_customer_limit: limit,
        })
        return { saleId: sale.id, itemId: item.id }
      }

      /** The plan PostgreSQL picks for `statement`, as text. */
      async function planOf(statement: string, params: unknown[]) {
        const rows = await MikroOrmWrapper.forkManager().execute<
          { "QUERY PLAN": string }[]
        >(`EXPLAIN ${statement}`, params)
        return rows.map((row) => row["QUERY PLAN"]).join("\n")
      }

      it("reads the customer's holds through the customer's index on a rush the statistics have not seen", async () => {
        const manager = MikroOrmWrapper.forkManager()
        // The table must stay unanalyzed while the rush fills it, as in the
        // first minutes of a sale: its only statistics are its size.
        await manager.execute(
          "ALTER TABLE flash_sale_reservation SET (autovacuum_enabled = false)"
        )
        const ids = await createSale(2)
        await manager.execute(
          `INSERT INTO flash_sale_reservation (id, item_id, customer_id,
             quantity, status, expires_at)
           SELECT 'fsres_rush_' || g, ?, 'cus_rush_' || g, 1, 'active',
             now() + interval '10 minutes'
           FROM generate_series(1, ?::int) AS g`,
          [ids.itemId, RUSH_HOLDS]
        )
        const [stats] = await manager.execute<
          { last_analyze: Date | null; last_autoanalyze: Date | null }[]
        >(
          `SELECT last_analyze, last_autoanalyze FROM pg_stat_user_tables
           WHERE relname = 'flash_sale_reservation'`
        )
        expect(stats).toEqual({ last_analyze: null, last_autoanalyze: null })

        const insert = await planOf(sql.INSERT_RESERVATION_WITHIN_LIMIT, [
          "fsres_new",
          ids.itemId,
          "cus_rush_77",
          1,
          new Date(Date.now() + 600_000),
          null,
          ids.itemId,
          "cus_rush_77",
          1,
          2,
        ])
        const held = await planOf(sql.SELECT_HELD_BY_CUSTOMER, [
          ids.itemId,
          "cus_rush_77",
        ])

        for (const plan of [insert, held]) {
          const indexes = [...plan.matchAll(/"(IDX_\w+)"/g)].map((m) => m[1])
          expect(indexes).toEqual([CUSTOMER_INDEX])
          expect(plan).toMatch(/Index Cond: \(customer_id = /)
          expect(plan).not.toContain("Seq Scan on flash_sale_reservation")
        }
      })

      it("counts only the item's own holds towards its limit", async () => {
        const first = await createSale(2)
        const second = await createSale(2)
        const reserve = (
          ids: { saleId: string; itemId: string },
          quantity: number
        ) =>
          service.reserve({
            ...ids,
            customerId: "cus_regular",
            quantity,
            ttlSeconds: 600,
          })

        await reserve(first, 2)
        expect((await reserve(second, 1)).quantity).toBe(1)

        const [refusal] = await Promise.allSettled([reserve(second, 2)])
        expect(refusal).toMatchObject({
          status: "rejected",
          reason: {
            type: MedusaError.Types.NOT_ALLOWED,
            message:
              "You can reserve at most 2 of this item in this flash sale and already have 1",
          },
        })
        expect((await reserve(second, 1)).quantity).toBe(1)
      })
    })
  },
})
