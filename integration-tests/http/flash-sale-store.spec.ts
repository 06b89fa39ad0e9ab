import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { reserveFlashSaleItemIntoCartWorkflow } from "../../src/workflows/flash-sale/reserve-item-into-cart"
import { sweepExpiredReservationsWorkflow } from "../../src/workflows/flash-sale/sweep-expired-reservations"
import { completeCart, type StoreHeaders } from "../utils/checkout"
import {
  attempt,
  emptyStockOf,
  awayFromMinuteBoundary,
  statusOf,
  useFlashSaleStore,
} from "../utils/flash-sale"
import { waitFor } from "../utils/wait-for"

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const { seeded, flash, events, service } = useFlashSaleStore(
      { api, getContainer },
      { events: ["flash_sale.sold_out"] }
    )
    const soldOut = () =>
      events
        .filter((event) => event.name === "flash_sale.sold_out")
        .map((event) => event.data)

    it("sells reserved units at the flash price and counts them sold once the order is placed", async () => {
      // Without REDIS_URL, PostgreSQL alone admits reservations.
      expect(await service().healthCheck()).toEqual(
        expect.objectContaining({ engine: "postgres", ok: true })
      )
      const variantId = await flash.variantOf("tarte-tatin", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 2, per_customer_limit: 2 },
      ])
      const [item] = sale.items
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)

      const { status, data } = await flash.reserve(shopper.headers, sale.id, {
        item_id: item.id,
        quantity: 2,
        cart_id: cartId,
      })
      expect(status).toEqual(201)
      expect(data.reservation).toEqual(
        expect.objectContaining({ status: "active", quantity: 2 })
      )
      const [line] = data.cart.items
      expect(line).toEqual(
        expect.objectContaining({
          variant_id: variantId,
          quantity: 2,
          unit_price: 12.5,
          is_custom_price: true,
          metadata: {
            flash_sale_reservation_id: data.reservation.id,
            flash_sale_id: sale.id,
          },
        })
      )

      const { data: listed } = await api.get(
        "/store/flash-sales?currency_code=EUR",
        { headers: seeded.storeHeaders }
      )
      const shown = listed.flash_sales.find(
        (s: { id: string }) => s.id === sale.id
      )
      expect(shown).toEqual(
        expect.objectContaining({ state: "active", starts_in_seconds: 0 })
      )
      expect(shown.ends_in_seconds).toBeGreaterThan(3500)
      expect(shown.items[0]).toEqual(
        expect.objectContaining({
          variant_id: variantId,
          price: 12.5,
          units_left: 0,
        })
      )

      await flash.readyForPayment(shopper.headers, cartId)
      const completed = await completeCart(api, shopper.headers, cartId)
      expect(completed.type).toEqual("order")
      const order = completed.order
      expect(order.items[0].unit_price).toEqual(12.5)
      expect(order.item_subtotal).toEqual(25)

      const sold = await waitFor(
        async () => {
          const [current] = await flash.saleItems(sale.id)
          return current.units_sold === 2 && current
        },
        { what: "the units to be sold" }
      )
      expect(sold).toEqual(
        expect.objectContaining({ units_reserved: 0, units_left: 0 })
      )

      const orderedUnits = order.items
        .filter(
          (i: { metadata: Record<string, unknown> | null }) =>
            i.metadata?.flash_sale_id === sale.id
        )
        .reduce(
          (total: number, i: { quantity: number }) => total + i.quantity,
          0
        )
      expect(orderedUnits).toEqual(sold.units_sold)

      const { data: mine } = await api.get(
        "/store/customers/me/flash-sale-reservations",
        { headers: shopper.headers }
      )
      expect(mine.reservations).toEqual([
        expect.objectContaining({
          id: data.reservation.id,
          status: "converted",
          order_id: order.id,
          sale_id: sale.id,
          variant_id: variantId,
        }),
      ])

      await waitFor(
        async () => soldOut().find((event) => event.item_id === item.id),
        { what: "flash_sale.sold_out" }
      )
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit({ name: "order.placed", data: { id: order.id } })
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(soldOut().filter((event) => event.item_id === item.id)).toEqual([
        { id: sale.id, item_id: item.id, variant_id: variantId },
      ])
      const [after] = await flash.saleItems(sale.id)
      expect(after.units_sold).toEqual(2)
    })

    it("refuses checkout once the reservation has expired, and the sweep takes the line out", async () => {
      const variantId = await flash.variantOf("tarte-tatin", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5 },
      ])
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)

      await awayFromMinuteBoundary(10)
      const { result: reservation } =
        await reserveFlashSaleItemIntoCartWorkflow(getContainer()).run({
          input: {
            sale_id: sale.id,
            item_id: sale.items[0].id,
            quantity: 1,
            cart_id: cartId,
            customer_id: shopper.id,
            ttl_seconds: 1,
          },
        })
      await flash.readyForPayment(shopper.headers, cartId)
      const wait = new Date(reservation.expires_at).getTime() - Date.now()
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(wait, 0) + 200)
      )

      const { status, data } = await flash.pay(shopper.headers, cartId)
      expect(status).toEqual(400)
      expect(data.message).toMatch(
        /^Your flash-sale reservation for Tarte Tatin expired; remove it from your cart and reserve it again/
      )
      const { data: cart } = await api.get(
        `/store/carts/${cartId}?fields=completed_at`,
        { headers: shopper.headers }
      )
      expect(cart.cart.completed_at).toBeNull()
      const { data: orders } = await api.get("/store/orders", {
        headers: shopper.headers,
      })
      expect(orders.orders).toEqual([])

      const { result: swept } = await sweepExpiredReservationsWorkflow(
        getContainer()
      ).run({ input: { now: new Date().toISOString() } })
      expect(swept.expired).toContain(reservation.id)
      expect(await flash.cartLines(shopper.headers, cartId)).toEqual([])
      const [item] = await flash.saleItems(sale.id)
      expect(item).toEqual(
        expect.objectContaining({
          units_reserved: 0,
          units_sold: 0,
          units_left: 5,
        })
      )
    })

    it("answers the sixth reservation attempt within a minute with 429 and Retry-After", async () => {
      const variantId = await flash.variantOf("tarte-tatin", 2)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 10, per_customer_limit: 1 },
      ])
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      const body = { item_id: sale.items[0].id, quantity: 1, cart_id: cartId }

      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await attempt(flash.reserve(shopper.headers, sale.id, body))).status
        )
      }
      expect(statuses).toEqual([201, 400, 400, 400, 400])

      const refused = await attempt(
        flash.reserve(shopper.headers, sale.id, body)
      )
      expect(refused.status).toEqual(429)
      const retryAfter = Number(refused.headers["retry-after"])
      expect(retryAfter).toBeGreaterThanOrEqual(1)
      expect(retryAfter).toBeLessThanOrEqual(60)
      expect(refused.data.message).toMatch(/Too many reservation attempts/)
      const [item] = await flash.saleItems(sale.id)
      expect(item.units_reserved).toEqual(1)
    })

    it("refuses bad reservations with a clear 4xx and changes nothing", async () => {
      const variantId = await flash.variantOf("mille-feuille", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 2 },
      ])
      const ended = await flash.createSale([
        { variant_id: variantId, units_allocated: 5 },
      ])
      await api.post(
        `/admin/flash-sales/${ended.id}/end`,
        {},
        { headers: seeded.adminHeaders }
      )
      const [a, b, c] = [
        await flash.register("a"),
        await flash.register("b"),
        await flash.register("c"),
      ]
      const cartA = await flash.openCart(a.headers)
      const cartB = await flash.openCart(b.headers)
      const itemId = sale.items[0].id
      const good = { item_id: itemId, quantity: 1, cart_id: cartA }
      const tryReserve = async (
        headers: StoreHeaders,
        saleId: string,
        body: Record<string, unknown>
      ) => {
        const { status, data } = await attempt(
          flash.reserve(headers, saleId, body)
        )
        return [status, data.message]
      }

      expect(await tryReserve(seeded.storeHeaders, sale.id, good)).toEqual([
        401,
        "Unauthorized",
      ])
      expect(await tryReserve(a.headers, "fsale_unknown", good)).toEqual([
        404,
        "Flash sale fsale_unknown was not found",
      ])
      expect(
        await tryReserve(a.headers, ended.id, {
          ...good,
          item_id: ended.items[0].id,
        })
      ).toEqual([400, "This flash sale is not open for reservations"])
      for (const quantity of [0, -1]) {
        const [status, message] = await tryReserve(a.headers, sale.id, {
          ...good,
          quantity,
        })
        expect(status).toEqual(400)
        expect(message).toEqual(
          "Invalid request: Value for field 'quantity' too small, expected at least: '1'"
        )
      }
      expect(
        await tryReserve(a.headers, sale.id, { ...good, quantity: 3 })
      ).toEqual([
        400,
        "You can reserve at most 2 of this item in this flash sale and already have 0",
      ])

      const bGood = { ...good, cart_id: cartB }
      const [typeStatus, typeMessage] = await tryReserve(b.headers, sale.id, {
        ...bGood,
        quantity: "two",
      })
      expect(typeStatus).toEqual(400)
      expect(typeMessage).toEqual(
        "Invalid request: Expected type: 'number' for field 'quantity', got: 'two'"
      )
      const [extraStatus, extraMessage] = await tryReserve(b.headers, sale.id, {
        ...bGood,
        price: 1,
      })
      expect(extraStatus).toEqual(400)
      expect(extraMessage).toEqual(
        "Invalid request: Unrecognized fields: 'price'"
      )
      expect(
        await tryReserve(b.headers, sale.id, { quantity: 1, cart_id: cartB })
      ).toEqual([400, "Invalid request: Field 'item_id' is required"])
      expect(await tryReserve(b.headers, sale.id, good)).toEqual([
        404,
        `Cart ${cartA} was not found among your open carts`,
      ])
      expect(
        await tryReserve(b.headers, sale.id, {
          ...bGood,
          item_id: "fsitem_nope",
        })
      ).toEqual([404, `Item fsitem_nope is not part of flash sale ${sale.id}`])

      const [item] = await flash.saleItems(sale.id)
      expect(item).toEqual(
        expect.objectContaining({ units_reserved: 0, units_sold: 0 })
      )
      expect(await flash.cartLines(a.headers, cartA)).toEqual([])
      expect(await flash.cartLines(b.headers, cartB)).toEqual([])

      const cartC = await flash.openCart(c.headers)
      const [emptyCartStatus] = await tryReserve(c.headers, sale.id, {
        ...good,
        cart_id: "",
      })
      expect(emptyCartStatus).toEqual(400)
      const { data: held } = await flash.reserve(c.headers, sale.id, {
        ...good,
        cart_id: cartC,
      })
      const url = `/store/flash-sales/reservations/${held.reservation.id}`
      const release = await attempt(api.delete(url, { headers: a.headers }))
      expect(release.status).toEqual(404)
      expect(release.data.message).toEqual(
        `Flash sale reservation ${held.reservation.id} was not found`
      )
      expect(
        await statusOf(api.delete(url, { headers: seeded.storeHeaders }))
      ).toEqual(401)
      expect(
        await statusOf(
          api.get("/store/customers/me/flash-sale-reservations", {
            headers: seeded.storeHeaders,
          })
        )
      ).toEqual(401)
      const [after] = await flash.saleItems(sale.id)
      expect(after.units_reserved).toEqual(1)
      expect(await flash.cartLines(c.headers, cartC)).toHaveLength(1)
    })

    it("holds each customer to the per-customer limit, and a released reservation frees its units", async () => {
      const variantId = await flash.variantOf("mille-feuille", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 10, per_customer_limit: 2 },
      ])
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      const body = { item_id: sale.items[0].id, quantity: 1, cart_id: cartId }

      const first = await flash.reserve(shopper.headers, sale.id, body)
      await flash.reserve(shopper.headers, sale.id, body)
      const third = await attempt(flash.reserve(shopper.headers, sale.id, body))
      expect(third.status).toEqual(400)
      expect(third.data.message).toEqual(
        "You can reserve at most 2 of this item in this flash sale and already have 2"
      )
      expect(await flash.cartLines(shopper.headers, cartId)).toHaveLength(2)

      const url = `/store/flash-sales/reservations/${first.data.reservation.id}`
      const { data: released } = await api.delete(url, {
        headers: shopper.headers,
      })
      expect(released).toEqual({
        id: first.data.reservation.id,
        object: "flash_sale_reservation",
        deleted: true,
      })
      expect(
        await statusOf(api.delete(url, { headers: shopper.headers }))
      ).toEqual(200)
      expect(await flash.cartLines(shopper.headers, cartId)).toHaveLength(1)
      expect((await flash.saleItems(sale.id))[0].units_reserved).toEqual(1)

      expect(
        (await flash.reserve(shopper.headers, sale.id, body)).status
      ).toEqual(201)
      expect((await flash.saleItems(sale.id))[0].units_reserved).toEqual(2)
      const { data: mine } = await api.get(
        "/store/customers/me/flash-sale-reservations?status=active",
        { headers: shopper.headers }
      )
      expect(mine.count).toEqual(2)
    })

    it("never reserves more units than allocated when shoppers rush the same item", async () => {
      const variantId = await flash.variantOf("mille-feuille", 2)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 3, per_customer_limit: 1 },
      ])
      const shoppers: { headers: StoreHeaders; cartId: string }[] = []
      for (let i = 0; i < 8; i++) {
        const shopper = await flash.register("rush")
        shoppers.push({
          ...shopper,
          cartId: await flash.openCart(shopper.headers),
        })
      }

      const results = await Promise.allSettled(
        shoppers.map((shopper) =>
          flash.reserve(shopper.headers, sale.id, {
            item_id: sale.items[0].id,
            quantity: 1,
            cart_id: shopper.cartId,
          })
        )
      )
      const admitted = results.filter((r) => r.status === "fulfilled")
      const refused = results.filter(
        (r) =>
          r.status === "rejected" &&
          (r.reason as { response: { status: number } }).response.status === 400
      )
      expect(admitted).toHaveLength(3)
      expect(refused).toHaveLength(5)
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 3, units_left: 0 })
      )
      let lines = 0
      for (const shopper of shoppers) {
        lines += (await flash.cartLines(shopper.headers, shopper.cartId)).length
      }
      expect(lines).toEqual(3)
    })

    it("gives the units back when the cart refuses the reserved item", async () => {
      const variantId = await flash.variantOf("foret-noire", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5 },
      ])
      await emptyStockOf(getContainer(), variantId)

      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      const refused = await attempt(
        flash.reserve(shopper.headers, sale.id, {
          item_id: sale.items[0].id,
          quantity: 1,
          cart_id: cartId,
        })
      )
      expect(refused.status).toEqual(400)
      expect(refused.data.message).toMatch(/inventory/)

      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 0, units_left: 5 })
      )
      expect(await flash.cartLines(shopper.headers, cartId)).toEqual([])
      const { data: mine } = await api.get(
        "/store/customers/me/flash-sale-reservations",
        { headers: shopper.headers }
      )
      expect(mine.reservations).toEqual([
        expect.objectContaining({ status: "released" }),
      ])
    })
  },
})
