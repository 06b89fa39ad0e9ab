import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../src/modules/loyalty"
import { earnOrderPointsWorkflow } from "../../src/workflows/loyalty/earn-order-points"
import { completeCart, prepareCart } from "../utils/checkout"
import { loginAdmin, loginDemoCustomer, seedStore } from "../utils/seeded-store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(4 * 60 * 1000)

type Headers = Record<string, string>
type Entry = { type: string; points: number; source_id: string | null }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Headers
    let customer: Headers
    let customerId: string
    let adminHeaders: Headers

    beforeAll(async () => {
      // Balances in these tests start at zero: no welcome bonus for the demo customer.
      await getContainer()
        .resolve<LoyaltyModuleService>(LOYALTY_MODULE)
        .updateSettings({ signup_bonus: 0 })
      ;({ storeHeaders } = await seedStore(getContainer()))
    })

    beforeEach(async () => {
      ;({ headers: customer, id: customerId } = await loginDemoCustomer(
        api,
        storeHeaders
      ))
      adminHeaders = await loginAdmin(api)
    })

    const loyalty = () =>
      getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)

    async function summary() {
      const { data } = await api.get("/store/customers/me/loyalty", {
        headers: customer,
      })
      return data.loyalty
    }

    async function entries(): Promise<Entry[]> {
      const { data } = await api.get(
        "/store/customers/me/loyalty/entries?limit=100",
        { headers: customer }
      )
      return data.entries
    }

    async function grant(points: number) {
      await loyalty().credit({
        customerId,
        points,
        type: "adjust",
        reason: "Test grant",
        sourceType: "admin",
      })
    }

    const status = (promise: Promise<unknown>) =>
      promise.then(
        () => 200,
        (error: { response: { status: number } }) => error.response.status
      )

    it("credits points on what the customer paid, once however often the order is processed", async () => {
      const { cartId } = await prepareCart(api, customer, { quantity: 2 })
      const { data: cart } = await api.get(
        `/store/carts/${cartId}?fields=item_subtotal,currency_code`,
        { headers: customer }
      )
      const { order } = await completeCart(api, customer, cartId)

      const earned = await waitFor(
        async () =>
          (await entries()).find(
            (entry) => entry.type === "earn" && entry.source_id === order.id
          ),
        { what: "the earn entry" }
      )
      expect(earned.points).toEqual(Math.floor(cart.cart.item_subtotal))

      // Each run is a new execution, so only the ledger key stops a second credit.
      for (let i = 0; i < 5; i++) {
        await earnOrderPointsWorkflow(getContainer()).run({
          input: { order_id: order.id },
          context: { transactionId: `earn-again-${order.id}-${i}` },
        })
      }
      const earns = (await entries()).filter(
        (entry) => entry.type === "earn" && entry.source_id === order.id
      )
      expect(earns).toHaveLength(1)
      expect((await summary()).balance).toEqual(earned.points)
    })

    it("reverses points in proportion to a partial refund, exactly", async () => {
      const { cartId } = await prepareCart(api, customer, { quantity: 3 })
      const { order } = await completeCart(api, customer, cartId)
      const earned = await waitFor(
        async () =>
          (await entries()).find(
            (entry) => entry.type === "earn" && entry.source_id === order.id
          ),
        { what: "the earn entry" }
      )

      const { data } = await api.get(
        `/admin/orders/${order.id}?fields=*payment_collections.payments`,
        { headers: adminHeaders }
      )
      const payment = data.order.payment_collections[0].payments[0]
      await api.post(
        `/admin/payments/${payment.id}/capture`,
        {},
        { headers: adminHeaders }
      )
      const refundAmount = Math.round(payment.amount * 25) / 100
      await api.post(
        `/admin/payments/${payment.id}/refund`,
        { amount: refundAmount },
        { headers: adminHeaders }
      )

      const reversal = await waitFor(
        async () =>
          (await entries()).find(
            (entry) => entry.type === "reverse" && entry.source_id === order.id
          ),
        { what: "the reversal" }
      )
      expect(Math.abs(reversal.points)).toEqual(
        Math.floor((earned.points * refundAmount) / payment.amount)
      )
      expect((await summary()).balance).toEqual(
        earned.points - Math.abs(reversal.points)
      )
    })

    it("pays part of a checkout with points as a real discount and records the redemption", async () => {
      await grant(1000)
      const { cartId } = await prepareCart(api, customer, { quantity: 2 })

      const { data: applied } = await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points: 200 },
        { headers: customer }
      )
      expect(applied.loyalty_points.amount).toEqual(10)
      expect(applied.cart.discount_total).toEqual(10)
      expect((await summary()).held).toEqual(200)

      const { order } = await completeCart(api, customer, cartId)
      expect(order.discount_total).toEqual(10)
      expect(order.total).toEqual(
        order.item_subtotal + order.shipping_total - 10
      )

      const redeemed = await waitFor(
        async () =>
          (await entries()).find(
            (entry) => entry.type === "redeem" && entry.source_id === order.id
          ),
        { what: "the redeem entry" }
      )
      expect(redeemed.points).toEqual(-200)
      const after = await summary()
      expect(after.held).toEqual(0)
    })

    it("releases the points when the customer takes them off the cart", async () => {
      await grant(500)
      const { cartId } = await prepareCart(api, customer)
      await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points: 100 },
        { headers: customer }
      )
      expect((await summary()).held).toEqual(100)
      const { data } = await api.delete(
        `/store/carts/${cartId}/loyalty-points`,
        { headers: customer }
      )
      expect(data.cart.discount_total).toEqual(0)
      expect(data.cart.promotions).toEqual([])
      expect((await summary()).held).toEqual(0)
    })

    it("holds exactly what the balance allows under 100 concurrent redemptions", async () => {
      await grant(1000)
      const { cartId: first } = await prepareCart(api, customer)
      const { data: template } = await api.get(
        `/store/carts/${first}?fields=region_id,items.variant_id`,
        { headers: customer }
      )
      // Redemption only needs items, so these carts skip address and shipping.
      const carts: { cartId: string }[] = []
      for (let i = 0; i < 100; i++) {
        const { data } = await api.post(
          "/store/carts",
          {
            region_id: template.cart.region_id,
            items: [
              { variant_id: template.cart.items[0].variant_id, quantity: 1 },
            ],
          },
          { headers: customer }
        )
        carts.push({ cartId: data.cart.id })
      }
      const results = await Promise.allSettled(
        carts.map(({ cartId }) =>
          api.post(
            `/store/carts/${cartId}/loyalty-points`,
            { points: 100 },
            { headers: customer }
          )
        )
      )
      const ok = results.filter((r) => r.status === "fulfilled")
      const refused = results.filter(
        (r) =>
          r.status === "rejected" &&
          (r.reason as { response: { status: number } }).response.status === 400
      )
      expect(ok).toHaveLength(10)
      expect(refused).toHaveLength(90)
      const after = await summary()
      expect(after).toEqual(
        expect.objectContaining({ balance: 1000, held: 1000, available: 0 })
      )
    })

    it("refuses checkout when the points discount no longer matches the points held", async () => {
      await grant(1000)
      const { cartId } = await prepareCart(api, customer, { quantity: 2 })
      await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points: 200 },
        { headers: customer }
      )
      // The hold changes behind the discount: 200 points off, 300 held.
      await loyalty().hold({ cartId, customerId, points: 300 })

      const refused = await completeCart(api, customer, cartId).then(
        () => null,
        (error: { response: { status: number; data: { message: string } } }) =>
          error.response
      )
      expect(refused?.status).toEqual(400)
      expect(refused?.data.message).toMatch(/does not match the points held/)
      const { data } = await api.get(
        `/store/carts/${cartId}?fields=completed_at`,
        { headers: customer }
      )
      expect(data.cart.completed_at).toBeNull()
      expect(await summary()).toEqual(
        expect.objectContaining({ balance: 1000, held: 300 })
      )
    })

    it("keeps each cart's discount backed by its hold when points are applied twice at once", async () => {
      await grant(3600)
      const cartIds: string[] = []
      for (let i = 0; i < 3; i++) {
        cartIds.push((await prepareCart(api, customer, { quantity: 5 })).cartId)
      }
      const statuses = await Promise.all(
        cartIds.flatMap((cartId) =>
          [1000, 200].map((points) =>
            status(
              api.post(
                `/store/carts/${cartId}/loyalty-points`,
                { points },
                { headers: customer }
              )
            )
          )
        )
      )
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200])

      const promotions = await getContainer()
        .resolve(Modules.PROMOTION)
        .listPromotions(
          { code: { $like: "LOYALTY-%" } },
          { select: ["id", "code", "status", "metadata"] }
        )
      let held = 0
      for (const cartId of cartIds) {
        const [hold] = await loyalty().listLoyaltyHolds({
          cart_id: cartId,
          status: "active",
        })
        const mine = promotions.filter(
          (promotion) => promotion.metadata?.loyalty_cart_id === cartId
        )
        expect(mine).toHaveLength(1)
        expect(mine[0].metadata?.loyalty_points).toEqual(hold.points)
        const { data } = await api.get(
          `/store/carts/${cartId}?fields=discount_total,promotions.code`,
          { headers: customer }
        )
        expect(
          data.cart.promotions.map((p: { code: string }) => p.code)
        ).toEqual([mine[0].code])
        expect(data.cart.discount_total).toEqual(hold.points * 0.05)
        held += hold.points
      }
      expect((await summary()).held).toEqual(held)
    })

    it("spends no points when their discount was taken off through the promotions route", async () => {
      await grant(500)
      const { cartId } = await prepareCart(api, customer, { quantity: 2 })
      const { data: applied } = await api.post(
        `/store/carts/${cartId}/loyalty-points`,
        { points: 200 },
        { headers: customer }
      )
      await api.delete(`/store/carts/${cartId}/promotions`, {
        headers: customer,
        data: { promo_codes: [applied.cart.promotions[0].code] },
      })

      const { order } = await completeCart(api, customer, cartId)
      expect(order.discount_total).toEqual(0)
      await waitFor(
        async () =>
          !(
            await loyalty().listLoyaltyHolds({
              cart_id: cartId,
              status: "active",
            })
          ).length,
        { what: "the hold to be settled" }
      )
      const [hold] = await loyalty().listLoyaltyHolds({ cart_id: cartId })
      expect(hold.status).toEqual("released")
      const earned = await waitFor(
        async () =>
          (await entries()).find(
            (entry) => entry.type === "earn" && entry.source_id === order.id
          ),
        { what: "the earn entry" }
      )
      expect(
        (await entries()).filter((entry) => entry.type === "redeem")
      ).toEqual([])
      expect(await summary()).toEqual(
        expect.objectContaining({ balance: 500 + earned.points, held: 0 })
      )
    })

    it("refuses bad redemptions with a clear 4xx and changes nothing", async () => {
      await grant(300)
      const { cartId } = await prepareCart(api, customer, { quantity: 1 })
      const url = `/store/carts/${cartId}/loyalty-points`
      const post = (body: unknown, headers: Headers = customer) =>
        status(api.post(url, body, { headers }))

      expect(await post({ points: -5 })).toEqual(400)
      expect(await post({ points: 150.5 })).toEqual(400)
      expect(await post({ points: "150" })).toEqual(400)
      expect(await post({})).toEqual(400)
      expect(await post({ points: 150, extra: true })).toEqual(400)
      expect(await post({ points: 50 })).toEqual(400) // under the minimum
      expect(await post({ points: 5000 })).toEqual(400) // more than held
      expect(await post({ points: 150 }, storeHeaders)).toEqual(401)

      const { data: guestCart } = await api.post(
        "/store/carts",
        {},
        { headers: storeHeaders }
      )
      expect(
        await status(
          api.post(
            `/store/carts/${guestCart.cart.id}/loyalty-points`,
            { points: 150 },
            { headers: customer }
          )
        )
      ).toEqual(404)

      const after = await summary()
      expect(after).toEqual(
        expect.objectContaining({ balance: 300, held: 0, available: 300 })
      )
    })

    it("shows balance, tier, progress and value in the cart's currency", async () => {
      await grant(400)
      const { cartId } = await prepareCart(api, customer)
      const { data } = await api.get(
        `/store/customers/me/loyalty?cart_id=${cartId}`,
        { headers: customer }
      )
      expect(data.loyalty).toEqual(
        expect.objectContaining({
          balance: 400,
          available: 400,
          tier: { name: "bronze", multiplier: 1 },
          value: { currency_code: "eur", amount: 20 },
          next_tier: expect.objectContaining({ name: "silver" }),
          referral_code: expect.any(String),
        })
      )
      expect(
        await status(
          api.get("/store/customers/me/loyalty", { headers: storeHeaders })
        )
      ).toEqual(401)
      expect(
        await status(
          api.get("/store/customers/me/loyalty?currency_code=euro", {
            headers: customer,
          })
        )
      ).toEqual(400)
    })
  },
})
