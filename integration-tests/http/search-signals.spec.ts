import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { advanceSaleStatusesWorkflow } from "../../src/workflows/flash-sale/advance-sale-statuses"
import { checkout } from "../utils/checkout"
import { flashSaleHelpers } from "../utils/flash-sale"
import { searchSuite } from "../utils/search-suite"

jest.setTimeout(10 * 60 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const suite = searchSuite({ api, getContainer }, { admin: true })
    const { search, byHandle } = suite

    const sales = flashSaleHelpers(api, suite.storeHeaders, suite.adminHeaders)

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
      const { completed } = await checkout(api, suite.storeHeaders(), {
        quantity: 3,
      })
      const order = completed.order
      expect(order?.id).toBeDefined()

      await suite.waitForDocument(
        "paris-brest",
        (document) => document.units_sold === 3,
        "3 units sold of the Paris-Brest in the index"
      )
      await checkout(api, suite.storeHeaders(), { quantity: 2 })
      await suite.waitForDocument(
        "paris-brest",
        (document) => document.units_sold === 5,
        "5 units sold of the Paris-Brest in the index"
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
        { headers: suite.adminHeaders() }
      )
      await suite.waitForDocument(
        "paris-brest",
        (document) => document.units_sold === 2,
        "the canceled order's units taken back"
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
      await suite.waitForDocument(
        "macaron-pistache",
        (document) => document.on_flash_sale === true,
        "the started sale in the index"
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
        { headers: suite.adminHeaders() }
      )
      await suite.waitForDocument(
        "macaron-pistache",
        (document) => document.on_flash_sale === false,
        "the ended sale in the index"
      )
    })
  },
})
