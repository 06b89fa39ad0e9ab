import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { reserveFlashSaleItemWorkflow } from "../../src/workflows/flash-sale/reserve-item"
import { completeCart, type StoreHeaders } from "../utils/checkout"
import { attempt, emptyStockOf, useFlashSaleStore } from "../utils/flash-sale"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(120_000)

/** What putting a reservation into a cart answers, or its refusal. */
type PlacedAnswer = {
  message?: string
  reservation?: Record<string, unknown>
  cart?: { items: unknown[] }
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const { seeded, flash, events, service } = useFlashSaleStore(
      { api, getContainer },
      { events: ["flash_sale.sold_out"] }
    )

    /** Puts a reservation into a cart; the status and body either way. */
    const placeInCart = (
      headers: StoreHeaders,
      cartId: string,
      body: Record<string, unknown>
    ) =>
      attempt<PlacedAnswer>(
        api.post(`/store/carts/${cartId}/flash-sale-reservations`, body, {
          headers,
        })
      )

    /** The reservation as the module holds it. */
    const stored = async (id: string) =>
      (
        await service().listFlashSaleReservations(
          { id },
          { select: ["id", "status", "cart_id"] }
        )
      )[0]

    it("reserves alone, then puts the reservation into a cart at the flash price, once, and sells it", async () => {
      const variantId = await flash.variantOf("tarte-tatin", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 2, per_customer_limit: 2 },
      ])
      const [item] = sale.items
      const shopper = await flash.register()

      const reserved = await flash.reserve(shopper.headers, sale.id, {
        item_id: item.id,
        quantity: 2,
      })
      expect(reserved.status).toEqual(201)
      expect(reserved.data).toEqual({
        reservation: expect.objectContaining({
          status: "active",
          quantity: 2,
          cart_id: null,
        }),
      })
      const reservationId = reserved.data.reservation.id
      // Reserving alone takes the units at once and announces the sell-out
      // with the variant it read.
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 2, units_left: 0 })
      )
      await waitFor(
        async () =>
          events.find(
            (event) =>
              event.name === "flash_sale.sold_out" &&
              event.data.item_id === item.id
          ),
        { what: "flash_sale.sold_out" }
      )
      expect(
        events
          .filter((event) => event.data.item_id === item.id)
          .map((event) => event.data)
      ).toEqual([{ id: sale.id, item_id: item.id, variant_id: variantId }])

      const cartId = await flash.openCart(shopper.headers)
      const placed = await placeInCart(shopper.headers, cartId, {
        reservation_id: reservationId,
      })
      expect(placed.status).toEqual(200)
      expect(placed.data.reservation).toEqual(
        expect.objectContaining({ id: reservationId, cart_id: cartId })
      )
      expect(placed.data.cart?.items).toEqual([
        expect.objectContaining({
          variant_id: variantId,
          quantity: 2,
          unit_price: 12.5,
          is_custom_price: true,
          metadata: {
            flash_sale_reservation_id: reservationId,
            flash_sale_id: sale.id,
          },
        }),
      ])

      // One cart only: neither this cart again nor another one.
      const again = await placeInCart(shopper.headers, cartId, {
        reservation_id: reservationId,
      })
      expect(again.status).toEqual(400)
      expect(again.data.message).toEqual(
        "This flash sale reservation is already in this cart"
      )
      const otherCartId = await flash.openCart(shopper.headers)
      const elsewhere = await placeInCart(shopper.headers, otherCartId, {
        reservation_id: reservationId,
      })
      expect(elsewhere.status).toEqual(400)
      expect(elsewhere.data.message).toMatch(/already in another cart/)
      expect(await flash.cartLines(shopper.headers, cartId)).toHaveLength(1)
      expect(await flash.cartLines(shopper.headers, otherCartId)).toEqual([])

      await flash.readyForPayment(shopper.headers, cartId)
      const completed = await completeCart(api, shopper.headers, cartId)
      expect(completed.type).toEqual("order")
      expect(completed.order.items[0].unit_price).toEqual(12.5)
      expect(completed.order.item_subtotal).toEqual(25)
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_sold === 2,
        { what: "the units to be sold" }
      )
      expect(await stored(reservationId)).toEqual(
        expect.objectContaining({ status: "converted", cart_id: cartId })
      )

      const bought = await placeInCart(shopper.headers, otherCartId, {
        reservation_id: reservationId,
      })
      expect(bought.status).toEqual(400)
      expect(bought.data.message).toEqual(
        "This flash sale reservation was already purchased"
      )
    })

    it("refuses to put a reservation into a cart with a clear 4xx, changing nothing", async () => {
      const variantId = await flash.variantOf("tarte-tatin", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 10, prices: { eur: 9 } },
      ])
      const [item] = sale.items
      const alice = await flash.register("alice")
      const bob = await flash.register("bob")
      const reserveAlone = async (headers: StoreHeaders) =>
        (
          await flash.reserve(headers, sale.id, {
            item_id: item.id,
            quantity: 1,
          })
        ).data.reservation.id as string
      const aliceReservation = await reserveAlone(alice.headers)
      const bobReservation = await reserveAlone(bob.headers)
      const aliceCart = await flash.openCart(alice.headers)
      const bobCart = await flash.openCart(bob.headers)
      const aliceDollarCart = await flash.openCart(alice.headers, "usd")

      const cases: [string, StoreHeaders, string, unknown, number, RegExp][] = [
        [
          "someone else's reservation",
          alice.headers,
          aliceCart,
          { reservation_id: bobReservation },
          404,
          /reservation .* was not found/,
        ],
        [
          "someone else's cart",
          alice.headers,
          bobCart,
          { reservation_id: aliceReservation },
          404,
          /not found among your open carts/,
        ],
        [
          "an unknown reservation",
          alice.headers,
          aliceCart,
          { reservation_id: "fsres_unknown" },
          404,
          /was not found/,
        ],
        [
          "no reservation id",
          alice.headers,
          aliceCart,
          {},
          400,
          /reservation_id/,
        ],
        [
          "an unknown field",
          alice.headers,
          aliceCart,
          { reservation_id: aliceReservation, quantity: 5 },
          400,
          /quantity/,
        ],
        [
          "a cart in a currency the sale has no price in",
          alice.headers,
          aliceDollarCart,
          { reservation_id: aliceReservation },
          400,
          /not sold in USD/,
        ],
      ]
      for (const [what, headers, cartId, body, status, message] of cases) {
        const answer = await placeInCart(
          headers,
          cartId,
          body as Record<string, unknown>
        )
        expect({ what, status: answer.status }).toEqual({ what, status })
        expect(answer.data.message).toMatch(message)
      }
      const anonymous = await placeInCart(seeded.storeHeaders, aliceCart, {
        reservation_id: aliceReservation,
      })
      expect(anonymous.status).toEqual(401)

      // Released and expired reservations cannot join a cart.
      await api.delete(`/store/flash-sales/reservations/${bobReservation}`, {
        headers: bob.headers,
      })
      const released = await placeInCart(bob.headers, bobCart, {
        reservation_id: bobReservation,
      })
      expect(released.status).toEqual(400)
      expect(released.data.message).toEqual(
        "This flash sale reservation was released; reserve the item again"
      )
      const { result: short } = await reserveFlashSaleItemWorkflow(
        getContainer()
      ).run({
        input: {
          sale_id: sale.id,
          item_id: item.id,
          quantity: 1,
          customer_id: bob.id,
          ttl_seconds: 1,
        },
      })
      await new Promise((resolve) =>
        setTimeout(
          resolve,
          new Date(short.expires_at).getTime() - Date.now() + 200
        )
      )
      const expired = await placeInCart(bob.headers, bobCart, {
        reservation_id: short.id,
      })
      expect(expired.status).toEqual(400)
      expect(expired.data.message).toMatch(/expired; reserve the item again/)

      for (const id of [aliceReservation, bobReservation, short.id]) {
        expect((await stored(id)).cart_id).toBeNull()
      }
      for (const [headers, cartId] of [
        [alice.headers, aliceCart],
        [alice.headers, aliceDollarCart],
        [bob.headers, bobCart],
      ] as const) {
        expect(await flash.cartLines(headers, cartId)).toEqual([])
      }
      expect((await stored(aliceReservation)).status).toEqual("active")
    })

    it("puts a reservation into one cart only when two carts ask at once", async () => {
      const variantId = await flash.variantOf("tarte-tatin", 2)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5 },
      ])
      const shopper = await flash.register()
      const { data } = await flash.reserve(shopper.headers, sale.id, {
        item_id: sale.items[0].id,
        quantity: 1,
      })
      const carts = [
        await flash.openCart(shopper.headers),
        await flash.openCart(shopper.headers),
      ]

      const answers = await Promise.all(
        carts.map((cartId) =>
          placeInCart(shopper.headers, cartId, {
            reservation_id: data.reservation.id,
          })
        )
      )
      expect(answers.map(({ status }) => status).sort()).toEqual([200, 400])
      const winner = carts[answers.findIndex(({ status }) => status === 200)]
      const lines = await Promise.all(
        carts.map((cartId) => flash.cartLines(shopper.headers, cartId))
      )
      expect(lines.map((cartLines) => cartLines.length).sort()).toEqual([0, 1])
      expect(await stored(data.reservation.id)).toEqual(
        expect.objectContaining({ status: "active", cart_id: winner })
      )
    })

    it("takes the reservation back out of the cart when the cart refuses the item", async () => {
      const variantId = await flash.variantOf("foret-noire", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5 },
      ])
      const shopper = await flash.register()
      const { data } = await flash.reserve(shopper.headers, sale.id, {
        item_id: sale.items[0].id,
        quantity: 1,
      })
      const reservationId = data.reservation.id

      // The stock runs out between reserving and joining the cart.
      await emptyStockOf(getContainer(), variantId)

      const cartId = await flash.openCart(shopper.headers)
      const refused = await placeInCart(shopper.headers, cartId, {
        reservation_id: reservationId,
      })
      expect(refused.status).toEqual(400)
      expect(refused.data.message).toMatch(/inventory/)
      expect(await flash.cartLines(shopper.headers, cartId)).toEqual([])
      // Still held and in no cart: once the stock is back it can join one.
      expect(await stored(reservationId)).toEqual(
        expect.objectContaining({ status: "active", cart_id: null })
      )
    })
  },
})
