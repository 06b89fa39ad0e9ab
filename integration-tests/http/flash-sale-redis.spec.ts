import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../src/modules/flash-sale"
import { type StoreHeaders } from "../utils/checkout"
import { attempt, flashSaleHelpers } from "../utils/flash-sale"
import { waitFor } from "../utils/wait-for"
import { loginAdmin, seedStore } from "../utils/seeded-store"

// Seeding alone takes minutes on a busy machine.
jest.setTimeout(12 * 60 * 1000)

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const REDIS_BASE = `klelite-test-flash-${process.pid}-${Date.now()}`
const switches = { REDIS_URL, REDIS_PREFIX: `${REDIS_BASE}:` }
Object.assign(process.env, switches)

medusaIntegrationTestRunner({
  inApp: true,
  env: switches,
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(REDIS_URL)
    let storeHeaders: StoreHeaders
    let adminHeaders: StoreHeaders

    const flash = flashSaleHelpers(
      api,
      () => storeHeaders,
      () => adminHeaders
    )

    beforeAll(async () => {
      ;({ storeHeaders } = await seedStore(getContainer()))
      adminHeaders = await loginAdmin(api)
    })

    afterAll(async () => {
      // BullMQ puts its own "bull:" before our queue names.
      const keys = await redis.keys(`*${REDIS_BASE}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    it("reserves on the Redis engine and counts the units sold once the order is placed", async () => {
      const health = await getContainer()
        .resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
        .healthCheck()
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
      const keys = await redis.keys(
        `${REDIS_BASE}:flash-sale:{sale:${sale.id}}*`
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

      await api.post(
        `/admin/flash-sales/${sale.id}`,
        { items: [{ id: itemId, units_allocated: 2 }] },
        { headers: adminHeaders }
      )
      expect((await reserveFor()).status).toEqual(201)

      await api.post(
        `/admin/flash-sales/${sale.id}/end`,
        {},
        { headers: adminHeaders }
      )
      const ended = await reserveFor()
      expect(ended.status).toEqual(400)
      expect(ended.data.message).toEqual(
        "This flash sale is not open for reservations"
      )
    })
  },
})
