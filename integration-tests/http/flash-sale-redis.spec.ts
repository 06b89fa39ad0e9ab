import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { type StoreHeaders } from "../utils/checkout"
import { attempt, testRedis, useFlashSaleStore } from "../utils/flash-sale"
import { waitFor } from "../utils/wait-for"

const redis = testRedis("flash")
Object.assign(process.env, redis.env)

medusaIntegrationTestRunner({
  inApp: true,
  env: redis.env,
  testSuite: ({ api, getContainer }) => {
    const { seeded, flash, service } = useFlashSaleStore({ api, getContainer })

    afterAll(() => redis.cleanUp())

    it("reserves on the Redis engine and counts the units sold once the order is placed", async () => {
      const health = await service().healthCheck()
      expect(health).toEqual(
        expect.objectContaining({ engine: "redis", ok: true })
      )
      const variantId = await flash.variantOf("paris-brest", 2)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 4, per_customer_limit: 2 },
      ])
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      const { data } = await flash.reserve(shopper.headers, sale.id, {
        item_id: sale.items[0].id,
        quantity: 2,
        cart_id: cartId,
      })
      expect(data.cart.items[0].unit_price).toEqual(12.5)
      const keys = await redis.client.keys(
        `${redis.base}:flash-sale:{sale:${sale.id}}*`
      )
      expect(keys.length).toBeGreaterThan(0)

      await flash.readyForPayment(shopper.headers, cartId)
      const completed = await flash.pay(shopper.headers, cartId)
      expect(completed.status).toEqual(200)
      const sold = await waitFor(
        async () => {
          const [item] = await flash.saleItems(sale.id)
          return item.units_sold === 2 && item
        },
        { what: "the units to be sold" }
      )
      expect(sold).toEqual(
        expect.objectContaining({ units_reserved: 0, units_left: 2 })
      )
    })

    it("answers the sixth reservation attempt within a minute with 429 and Retry-After", async () => {
      const variantId = await flash.variantOf("mille-feuille", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 10, per_customer_limit: 1 },
      ])
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      const body = { item_id: sale.items[0].id, quantity: 1, cart_id: cartId }
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        statuses.push(
          (await attempt(flash.reserve(shopper.headers, sale.id, body))).status
        )
      }
      expect(statuses).toEqual([201, 400, 400, 400, 400, 429])
      const refused = await attempt(
        flash.reserve(shopper.headers, sale.id, body)
      )
      expect(refused.status).toEqual(429)
      expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1)
      expect((await flash.saleItems(sale.id))[0].units_reserved).toEqual(1)
    })

    it("never reserves more units than allocated when shoppers rush the Redis engine", async () => {
      const variantId = await flash.variantOf("mille-feuille", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 3, per_customer_limit: 1 },
      ])
      const shoppers: { headers: StoreHeaders; cartId: string }[] = []
      for (let i = 0; i < 8; i++) {
        const shopper = await flash.register("rush")
        shoppers.push({
          headers: shopper.headers,
          cartId: await flash.openCart(shopper.headers),
        })
      }
      const results = await Promise.all(
        shoppers.map((shopper) =>
          attempt(
            flash.reserve(shopper.headers, sale.id, {
              item_id: sale.items[0].id,
              quantity: 1,
              cart_id: shopper.cartId,
            })
          )
        )
      )
      const statuses = results.map(({ status }) => status).sort()
      expect(statuses).toEqual([201, 201, 201, 400, 400, 400, 400, 400])
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 3, units_left: 0 })
      )
    })

    it("applies admin edits at once although Redis holds a copy of the sale", async () => {
      const variantId = await flash.variantOf("mille-feuille", 2)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 1, per_customer_limit: 1 },
      ])
      const itemId = sale.items[0].id
      const reserveFor = async () => {
        const shopper = await flash.register()
        const cartId = await flash.openCart(shopper.headers)
        return await attempt(
          flash.reserve(shopper.headers, sale.id, {
            item_id: itemId,
            quantity: 1,
            cart_id: cartId,
          })
        )
      }
      expect((await reserveFor()).status).toEqual(201)
      const soldOut = await reserveFor()
      expect(soldOut.data.message).toEqual("This flash sale item is sold out")

      const allocate = (units: number) =>
        api.post(
          `/admin/flash-sales/${sale.id}`,
          { items: [{ id: itemId, units_allocated: units }] },
          { headers: seeded.adminHeaders }
        )
      await allocate(2)
      expect((await reserveFor()).status).toEqual(201)

      // Redis holds a copy with one unit left; the admin takes it away.
      await allocate(4)
      expect((await reserveFor()).status).toEqual(201)
      const { data } = await allocate(3)
      expect(data.flash_sale.items[0]).toEqual(
        expect.objectContaining({ units_reserved: 3, units_left: 0 })
      )
      const taken = await reserveFor()
      expect(taken.status).toEqual(400)
      expect(taken.data.message).toEqual("This flash sale item is sold out")

      await api.post(
        `/admin/flash-sales/${sale.id}/end`,
        {},
        { headers: seeded.adminHeaders }
      )
      const ended = await reserveFor()
      expect(ended.status).toEqual(400)
      expect(ended.data.message).toEqual(
        "This flash sale is not open for reservations"
      )
    })
  },
})
