import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkout } from "../utils/checkout"
import { loginAdmin, loginDemoCustomer, seedStore } from "../utils/seeded-store"

jest.setTimeout(3 * 60 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Record<string, string>
    let adminHeaders: Record<string, string>

    beforeAll(async () => {
      ;({ storeHeaders } = await seedStore(getContainer()))
    })

    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
    })

    it("lets a guest check out and shows the order to the admin", async () => {
      const { completed, variant } = await checkout(api, storeHeaders, {
        email: "guest@example.com",
      })

      expect(completed.type).toEqual("order")
      const order = completed.order
      expect(order.email).toEqual("guest@example.com")
      expect(order.items).toHaveLength(1)
      expect(order.items[0].variant_id).toEqual(variant.id)
      expect(order.items[0].quantity).toEqual(2)
      expect(order.shipping_methods[0].name).toEqual("Courier delivery")
      expect(order.currency_code).toEqual("eur")
      expect(order.total).toBeGreaterThan(0)

      const { data } = await api.get(`/admin/orders/${order.id}`, {
        headers: adminHeaders,
      })
      expect(data.order.id).toEqual(order.id)
      expect(data.order.payment_collections[0].status).toEqual("authorized")
    })

    it("lets a logged-in customer check out and see the order in their account", async () => {
      const demo = await loginDemoCustomer(api, storeHeaders)
      const customerHeaders = demo.headers

      const { completed } = await checkout(api, customerHeaders)
      expect(completed.type).toEqual("order")
      expect(completed.order.email).toEqual("demo@klelite.local")
      const { data: placed } = await api.get(
        `/store/orders/${completed.order.id}?fields=+customer_id`,
        { headers: customerHeaders }
      )
      expect(placed.order.customer_id).toEqual(demo.id)

      const { data: mine } = await api.get("/store/orders", {
        headers: customerHeaders,
      })
      expect(mine.orders.map((order: { id: string }) => order.id)).toEqual([
        completed.order.id,
      ])

      const { data: adminView } = await api.get(
        `/admin/orders?customer_id=${demo.id}`,
        { headers: adminHeaders }
      )
      expect(adminView.orders.map((order: { id: string }) => order.id)).toEqual(
        [completed.order.id]
      )
    })

    it("refuses to complete a cart without a payment session", async () => {
      const { data: regions } = await api.get("/store/regions", {
        headers: storeHeaders,
      })
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: regions.regions[0].id },
        { headers: storeHeaders }
      )
      const error = await api
        .post(
          `/store/carts/${created.cart.id}/complete`,
          {},
          {
            headers: storeHeaders,
          }
        )
        .catch((e: { response: { status: number } }) => e.response)
      expect(error.status).toBeGreaterThanOrEqual(400)
      expect(error.status).toBeLessThan(500)
    })
  },
})
