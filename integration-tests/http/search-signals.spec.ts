import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { advanceSaleStatusesWorkflow } from "../../src/workflows/flash-sale/advance-sale-statuses"
import { checkout } from "../utils/checkout"
import { flashSaleHelpers } from "../utils/flash-sale"
import { waitFor } from "../utils/wait-for"
import { loginAdmin, seedStore } from "../utils/seeded-store"

jest.setTimeout(10 * 60 * 1000)

type Headers = Record<string, string>

type Hit = { id: string; document: Record<string, unknown> }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: Headers
    let adminHeaders: Headers

    const search = async (body: Record<string, unknown>) => {
      const { data } = await api.post(
        "/store/search",
        { entity: "product", ...body },
        { headers }
      )
      return data.results[0] as { hits: Hit[] }
    }

    const byHandle = async (handle: string) =>
      (await search({ filters: { handle }, pagination: { take: 1 } })).hits[0]
        ?.document

    const sales = flashSaleHelpers(
      api,
      () => headers,
      () => adminHeaders
    )

    beforeAll(async () => {
      ;({ storeHeaders: headers } = await seedStore(getContainer()))
      await getContainer().resolve(Modules.SEARCH).reindex({ index: "product" })
    })

    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
    })

    it("starts every product at zero units sold, off flash sale, without a rating", async () => {
      const document = await byHandle("paris-brest")
      expect(document).toEqual(
        expect.objectContaining({
          units_sold: 0,
          on_flash_sale: false,
          rating: null,
        })
      )
    })

    it("counts units sold when an order is placed and takes them back when it is canceled", async () => {
      const { completed } = await checkout(api, headers, { quantity: 3 })
      const order = completed.order
      expect(order?.id).toBeDefined()

      await waitFor(
        async () => (await byHandle("paris-brest"))?.units_sold === 3,
        { what: "3 units sold of the Paris-Brest in the index" }
      )
      await checkout(api, headers, { quantity: 2 })
      await waitFor(
        async () => (await byHandle("paris-brest"))?.units_sold === 5,
        { what: "5 units sold of the Paris-Brest in the index" }
      )

      const popular = await search({
        pagination: { take: 3, order: { units_sold: "DESC" } },
      })
      expect(popular.hits[0].document.handle).toEqual("paris-brest")
      const sold = popular.hits.map((hit) => Number(hit.document.units_sold))
      expect(sold).toEqual([...sold].sort((a, b) => b - a))

      await api.post(
        `/admin/orders/${order.id}/cancel`,
        {},
        { headers: adminHeaders }
      )
      await waitFor(
        async () => (await byHandle("paris-brest"))?.units_sold === 2,
        { what: "the canceled order's units taken back" }
      )
    })

    it("marks a product on flash sale while a sale with its variant is live", async () => {
      const variantId = await sales.variantOf("macaron-pistache")
      const sale = await sales.createSale([
        { variant_id: variantId, units_allocated: 10 },
      ])
      // Scheduled, not started: not on sale yet.
      expect((await byHandle("macaron-pistache"))?.on_flash_sale).toEqual(false)

      await advanceSaleStatusesWorkflow(getContainer()).run({
        input: { now: new Date().toISOString() },
      })
      await waitFor(
        async () =>
          (await byHandle("macaron-pistache"))?.on_flash_sale === true,
        { what: "the started sale in the index" }
      )
      const onSale = await search({
        filters: { on_flash_sale: true },
        pagination: { take: 50 },
      })
      expect(onSale.hits.map((hit) => hit.document.handle)).toEqual([
        "macaron-pistache",
      ])

      await api.post(
        `/admin/flash-sales/${sale.id}/end`,
        {},
        { headers: adminHeaders }
      )
      await waitFor(
        async () =>
          (await byHandle("macaron-pistache"))?.on_flash_sale === false,
        { what: "the ended sale in the index" }
      )
    })
  },
})
