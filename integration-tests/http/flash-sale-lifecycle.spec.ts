import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { advanceSaleStatusesWorkflow } from "../../src/workflows/flash-sale/advance-sale-statuses"
import { confirmOrderReservationsWorkflow } from "../../src/workflows/flash-sale/confirm-order-reservations"
import { completeCart, type StoreHeaders } from "../utils/checkout"
import { attempt, useFlashSaleStore } from "../utils/flash-sale"
import { waitFor } from "../utils/wait-for"

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const { seeded, flash, events, service, openSaleStream } =
      useFlashSaleStore(
        { api, getContainer },
        { events: ["flash_sale.sold_out"] }
      )

    /** The customer's reservations by id. */
    async function reservationsOf(headers: StoreHeaders) {
      const { data } = await api.get(
        "/store/customers/me/flash-sale-reservations",
        { headers }
      )
      return new Map<string, { status: string; quantity: number }>(
        data.reservations.map((r: { id: string }) => [r.id, r])
      )
    }

    /** Reserves one unit into a new cart of a new shopper and buys it. */
    async function buyOne(saleId: string, itemId: string) {
      const shopper = await flash.register("buyer")
      const cartId = await flash.openCart(shopper.headers)
      const { data } = await flash.reserve(shopper.headers, saleId, {
        item_id: itemId,
        quantity: 1,
        cart_id: cartId,
      })
      await flash.readyForPayment(shopper.headers, cartId)
      const completed = await completeCart(api, shopper.headers, cartId)
      expect(completed.type).toEqual("order")
      return {
        shopper,
        order: completed.order as { id: string },
        reservationId: data.reservation.id as string,
      }
    }

    /** Buys one unit while the order's units are not counted as sold yet. */
    async function buyOneUncounted(saleId: string, itemId: string) {
      const failingConfirm = jest
        .spyOn(service(), "confirm")
        .mockRejectedValue(new Error("database unreachable"))
      try {
        const bought = await buyOne(saleId, itemId)
        await waitFor(async () => failingConfirm.mock.calls.length > 0, {
          what: "the order's units to be counted",
        })
        return bought
      } finally {
        failingConfirm.mockRestore()
      }
    }

    it("returns a canceled order's units to the sale once, however often the cancellation is delivered", async () => {
      const variantId = await flash.variantOf("fraisier", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 3, per_customer_limit: 1 },
      ])
      const itemId = sale.items[0].id
      const kept = await buyOne(sale.id, itemId)
      const canceled = await buyOne(sale.id, itemId)
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_sold === 2,
        { what: "both orders to count as sold" }
      )

      await api.post(
        `/admin/orders/${canceled.order.id}/cancel`,
        {},
        { headers: seeded.adminHeaders }
      )
      const returned = await waitFor(
        async () => {
          const [item] = await flash.saleItems(sale.id)
          return item.units_sold === 1 && item
        },
        { what: "the canceled order's unit to come back" }
      )
      expect(returned).toEqual(
        expect.objectContaining({ units_reserved: 0, units_left: 2 })
      )
      expect(
        (await reservationsOf(canceled.shopper.headers)).get(
          canceled.reservationId
        )
      ).toEqual(expect.objectContaining({ status: "returned" }))

      // The same cancellation delivered twice more gives nothing back again.
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (let i = 0; i < 2; i++) {
        await eventBus.emit({
          name: "order.canceled",
          data: { id: canceled.order.id },
        })
      }
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const [after] = await flash.saleItems(sale.id)
      expect(after).toEqual(
        expect.objectContaining({ units_sold: 1, units_left: 2 })
      )
      const { data: orders } = await api.get(
        `/admin/orders?id[]=${kept.order.id}&id[]=${canceled.order.id}&fields=id,status`,
        { headers: seeded.adminHeaders }
      )
      const open = orders.orders.filter(
        (order: { status: string }) => order.status !== "canceled"
      )
      expect(open.map((order: { id: string }) => order.id)).toEqual([
        kept.order.id,
      ])
      expect(after.units_sold).toEqual(open.length)

      // The customer's limit is free again: they can buy the unit back.
      const cartId = await flash.openCart(canceled.shopper.headers)
      const again = await attempt(
        flash.reserve(canceled.shopper.headers, sale.id, {
          item_id: itemId,
          quantity: 1,
          cart_id: cartId,
        })
      )
      expect(again.status).toEqual(201)
    })

    it("releases the holds a canceled order had not bought yet", async () => {
      const variantId = await flash.variantOf("foret-noire", 2)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 2, per_customer_limit: 1 },
      ])
      const itemId = sale.items[0].id
      // The order is placed but its hold is not counted as sold yet.
      const bought = await buyOneUncounted(sale.id, itemId)
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_sold: 0, units_reserved: 1 })
      )

      await api.post(
        `/admin/orders/${bought.order.id}/cancel`,
        {},
        { headers: seeded.adminHeaders }
      )
      await waitFor(
        async () =>
          (await reservationsOf(bought.shopper.headers)).get(
            bought.reservationId
          )?.status === "released",
        { what: "the order's hold to be released" }
      )
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({
          units_sold: 0,
          units_reserved: 0,
          units_left: 2,
        })
      )
    })

    it("announces the sell-out again when a failing cancellation takes its returned units back", async () => {
      const variantId = await flash.variantOf("foret-noire", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 1, per_customer_limit: 1 },
      ])
      const itemId = sale.items[0].id
      const soldOutEvents = () =>
        events.filter(
          (event) =>
            event.name === "flash_sale.sold_out" &&
            event.data.item_id === itemId
        )
      const bought = await buyOne(sale.id, itemId)
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_sold === 1,
        { what: "the unit to count as sold" }
      )
      await waitFor(async () => soldOutEvents().length === 1, {
        what: "the first sell-out",
      })

      // Releasing the order's holds fails once its bought unit is back on
      // sale: the cancellation's compensation buys the unit again.
      const flashSales = service()
      const list = flashSales.listFlashSaleReservations
      const failingRelease = jest
        .spyOn(flashSales, "listFlashSaleReservations")
        .mockImplementation((...args: Parameters<typeof list>) =>
          (args[0] as { status?: string } | undefined)?.status === "active"
            ? Promise.reject(new Error("database unreachable"))
            : list.apply(flashSales, args)
        )
      try {
        await api.post(
          `/admin/orders/${bought.order.id}/cancel`,
          {},
          { headers: seeded.adminHeaders }
        )
        await waitFor(async () => soldOutEvents().length === 2, {
          what: "the sell-out of the unit bought again",
        })
      } finally {
        failingRelease.mockRestore()
      }
      expect(soldOutEvents()[1].data).toEqual({
        id: sale.id,
        item_id: itemId,
        variant_id: variantId,
      })
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_sold: 1, units_left: 0 })
      )
      expect(
        (await reservationsOf(bought.shopper.headers)).get(bought.reservationId)
      ).toEqual(expect.objectContaining({ status: "converted" }))

      // Delivered again, the cancellation goes through: no sell-out.
      await getContainer()
        .resolve(Modules.EVENT_BUS)
        .emit({ name: "order.canceled", data: { id: bought.order.id } })
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_left === 1,
        { what: "the canceled order's unit to come back" }
      )
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(soldOutEvents()).toHaveLength(2)
    })

    it("releases a reservation whose line leaves the cart through Medusa's cart routes, and refuses other quantities", async () => {
      const variantId = await flash.variantOf("fraisier", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 3 },
      ])
      const itemId = sale.items[0].id
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      const first = await flash.reserve(shopper.headers, sale.id, {
        item_id: itemId,
        quantity: 1,
        cart_id: cartId,
      })
      const second = await flash.reserve(shopper.headers, sale.id, {
        item_id: itemId,
        quantity: 2,
        cart_id: cartId,
      })
      const lineOf = async (reservationId: string) =>
        (await flash.cartLines(shopper.headers, cartId)).find(
          (line) => line.metadata?.flash_sale_reservation_id === reservationId
        )!
      expect((await flash.saleItems(sale.id))[0].units_reserved).toEqual(3)

      const firstLine = await lineOf(first.data.reservation.id)
      await api.delete(`/store/carts/${cartId}/line-items/${firstLine.id}`, {
        headers: shopper.headers,
      })
      await waitFor(
        async () =>
          (await reservationsOf(shopper.headers)).get(first.data.reservation.id)
            ?.status === "released",
        { what: "the deleted line's reservation to be released" }
      )
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 2, units_left: 3 })
      )

      const secondLine = await lineOf(second.data.reservation.id)
      const url = `/store/carts/${cartId}/line-items/${secondLine.id}`
      for (const quantity of [3, 1]) {
        const refused = await attempt(
          api.post(url, { quantity }, { headers: shopper.headers })
        )
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toEqual(
          "This flash-sale item holds 2 reserved unit(s) at the flash price; keep 2, or remove it and reserve the quantity you want"
        )
      }
      expect((await lineOf(second.data.reservation.id)).quantity).toEqual(2)
      expect(
        (
          await attempt(
            api.post(url, { quantity: 2 }, { headers: shopper.headers })
          )
        ).status
      ).toEqual(200)

      await api.post(url, { quantity: 0 }, { headers: shopper.headers })
      await waitFor(
        async () =>
          (await reservationsOf(shopper.headers)).get(
            second.data.reservation.id
          )?.status === "released",
        { what: "the emptied line's reservation to be released" }
      )
      expect(await flash.cartLines(shopper.headers, cartId)).toEqual([])
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 0, units_left: 5 })
      )
    })

    it("streams a sale's start, units left after each reservation, and each sell-out once", async () => {
      const variantId = await flash.variantOf("fraisier", 2)
      const sale = await flash.createSale(
        [{ variant_id: variantId, units_allocated: 2, per_customer_limit: 2 }],
        { startsInMs: 1500 }
      )
      const itemId = sale.items[0].id
      const stream = await openSaleStream(sale.id)
      expect(stream.status).toEqual(200)
      const next = (event: string, what: string) =>
        waitFor(async () => stream.events.find((e) => e.event === event), {
          what,
        })

      await new Promise((resolve) => setTimeout(resolve, 1600))
      await advanceSaleStatusesWorkflow(getContainer()).run({
        input: { now: new Date().toISOString() },
      })
      const started = await next("flash_sale.started", "the start")
      expect(started.data).toEqual(
        expect.objectContaining({
          id: sale.id,
          state: "active",
          starts_in_seconds: 0,
          items: [expect.objectContaining({ id: itemId, units_left: 2 })],
        })
      )
      expect(
        (started.data as { ends_in_seconds: number }).ends_in_seconds
      ).toBeGreaterThan(3500)

      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      await flash.reserve(shopper.headers, sale.id, {
        item_id: itemId,
        quantity: 1,
        cart_id: cartId,
      })
      const left = await next("flash_sale.units_left", "units left")
      expect(left.data).toEqual({
        id: sale.id,
        server_time: expect.any(String),
        items: [{ id: itemId, variant_id: variantId, units_left: 1 }],
      })

      // The reservation that takes the last unit sells the item out.
      await flash.reserve(shopper.headers, sale.id, {
        item_id: itemId,
        quantity: 1,
        cart_id: cartId,
      })
      const soldOutEvents = () =>
        stream.events.filter((e) => e.event === "flash_sale.sold_out")
      const soldOut = await next("flash_sale.sold_out", "the sell-out")
      expect(soldOut.data).toEqual({
        id: sale.id,
        item_id: itemId,
        variant_id: variantId,
        server_time: expect.any(String),
        units_left: 0,
      })
      await flash.readyForPayment(shopper.headers, cartId)
      const placed = await completeCart(api, shopper.headers, cartId)
      expect(placed.type).toEqual("order")
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_sold === 2,
        { what: "the units to count as sold" }
      )

      // The order is canceled: its units come back, and selling them out
      // again is announced again, once.
      await api.post(
        `/admin/orders/${placed.order.id}/cancel`,
        {},
        { headers: seeded.adminHeaders }
      )
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_left === 2,
        { what: "the canceled order's units to come back" }
      )
      await waitFor(
        async () =>
          stream.events.find(
            (e) =>
              e.event === "flash_sale.units_left" &&
              (e.data as { items: { units_left: number }[] }).items[0]
                .units_left === 2
          ),
        { what: "the returned units on the stream" }
      )
      const rushers = await Promise.all([
        flash.register("rusher"),
        flash.register("rusher"),
      ])
      const rush = await Promise.all(
        rushers.map(async (rusher) =>
          attempt(
            flash.reserve(rusher.headers, sale.id, {
              item_id: itemId,
              quantity: 2,
              cart_id: await flash.openCart(rusher.headers),
            })
          )
        )
      )
      expect(rush.map((r) => r.status).sort()).toEqual([201, 400])
      await waitFor(async () => soldOutEvents().length === 2, {
        what: "the second sell-out",
      })
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(soldOutEvents().map((e) => e.data)).toEqual([
        soldOut.data,
        expect.objectContaining({ item_id: itemId, units_left: 0 }),
      ])
    })

    it("refuses edits of a flash-sale line's metadata, and checkout refuses flash lines without their reservation in this cart", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 2 },
      ])
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      const { data } = await flash.reserve(shopper.headers, sale.id, {
        item_id: sale.items[0].id,
        quantity: 2,
        cart_id: cartId,
      })
      const reservationId = data.reservation.id as string
      const flashKeys = {
        flash_sale_reservation_id: reservationId,
        flash_sale_id: sale.id,
      }
      const [line] = await flash.cartLines(shopper.headers, cartId)
      const url = `/store/carts/${cartId}/line-items/${line.id}`
      const message =
        "The flash-sale details of a cart item cannot be changed; remove the item and reserve it again"

      for (const metadata of [
        { flash_sale_reservation_id: "" },
        { flash_sale_reservation_id: "fsres_other" },
        { flash_sale_id: "" },
        null,
      ]) {
        const refused = await attempt(
          api.post(url, { quantity: 2, metadata }, { headers: shopper.headers })
        )
        expect([refused.status, refused.data.message]).toEqual([400, message])
      }
      const { data: regular } = await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: await flash.variantOf("paris-brest", 0), quantity: 1 },
        { headers: shopper.headers }
      )
      const regularLine = regular.cart.items.find(
        (item: { id: string }) => item.id !== line.id
      )
      const borrowed = await attempt(
        api.post(
          `/store/carts/${cartId}/line-items/${regularLine.id}`,
          { quantity: 1, metadata: flashKeys },
          { headers: shopper.headers }
        )
      )
      expect([borrowed.status, borrowed.data.message]).toEqual([400, message])
      const note = await attempt(
        api.post(
          url,
          { quantity: 2, metadata: { gift_note: "Joyeux anniversaire" } },
          { headers: shopper.headers }
        )
      )
      expect(note.status).toEqual(200)
      const kept = (await flash.cartLines(shopper.headers, cartId)).find(
        (item) => item.id === line.id
      )
      expect(kept).toEqual(
        expect.objectContaining({
          quantity: 2,
          unit_price: 12.5,
          metadata: { ...flashKeys, gift_note: "Joyeux anniversaire" },
        })
      )

      // A line left at the flash price without its reservation is refused.
      const cartModule = getContainer().resolve(Modules.CART)
      await cartModule.updateLineItems(line.id, {
        metadata: { flash_sale_reservation_id: "", flash_sale_id: sale.id },
      })
      await flash.readyForPayment(shopper.headers, cartId)
      const stripped = await flash.pay(shopper.headers, cartId)
      expect(stripped.status).toEqual(400)
      expect(stripped.data.message).toMatch(
        /^Your flash-sale reservation for .+ was not found; remove it from your cart and reserve it again/
      )

      // So is a line carrying a reservation placed in another cart, which
      // only a write below the cart workflows can make.
      await cartModule.updateLineItems(line.id, { metadata: flashKeys })
      const otherCartId = await flash.openCart(shopper.headers)
      const { data: other } = await api.post(
        `/store/carts/${otherCartId}/line-items`,
        { variant_id: variantId, quantity: 2 },
        { headers: shopper.headers }
      )
      await cartModule.updateLineItems(other.cart.items[0].id, {
        metadata: flashKeys,
      })
      await flash.readyForPayment(shopper.headers, otherCartId)
      const elsewhere = await flash.pay(shopper.headers, otherCartId)
      expect(elsewhere.status).toEqual(400)
      expect(elsewhere.data.message).toMatch(/was not found/)

      const { data: orders } = await api.get("/store/orders", {
        headers: shopper.headers,
      })
      expect(orders.orders).toEqual([])
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 2, units_sold: 0 })
      )
      const bought = await flash.pay(shopper.headers, cartId)
      expect(bought.data.type).toEqual("order")
    })

    it("refuses flash-sale details on an item added through the add-to-cart route, changing nothing", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 2 },
      ])
      const itemId = sale.items[0].id
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      const { data: inCart } = await flash.reserve(shopper.headers, sale.id, {
        item_id: itemId,
        quantity: 1,
        cart_id: cartId,
      })
      const { data: alone } = await flash.reserve(shopper.headers, sale.id, {
        item_id: itemId,
        quantity: 1,
      })
      const stranger = await flash.register("stranger")
      const { data: theirs } = await flash.reserve(stranger.headers, sale.id, {
        item_id: itemId,
        quantity: 1,
        cart_id: await flash.openCart(stranger.headers),
      })
      const before = await flash.cartLines(shopper.headers, cartId)
      const url = `/store/carts/${cartId}/line-items`
      const keysOf = (reservation: { id: string }) => ({
        flash_sale_reservation_id: reservation.id,
        flash_sale_id: sale.id,
      })

      for (const metadata of [
        // The keys of the flash line already in this cart.
        keysOf(inCart.reservation),
        // The customer's reservation held in no cart.
        keysOf(alone.reservation),
        keysOf(theirs.reservation),
        keysOf({ id: "fsres_forged" }),
        { flash_sale_id: sale.id, gift_note: "Joyeux anniversaire" },
        { flash_sale_reservation_id: "" },
      ]) {
        const refused = await attempt(
          api.post(
            url,
            { variant_id: variantId, quantity: 1, metadata },
            { headers: shopper.headers }
          )
        )
        expect([
          refused.status,
          refused.data.type,
          refused.data.message,
        ]).toEqual([
          400,
          "invalid_data",
          "Flash-sale details cannot be added to a cart item; add the item without them, or reserve it through its flash sale",
        ])
      }
      expect(await flash.cartLines(shopper.headers, cartId)).toEqual(before)
      expect(
        await service().listFlashSaleReservations(
          { id: [inCart.reservation.id, alone.reservation.id] },
          { select: ["id", "status", "cart_id"], order: { cart_id: "ASC" } }
        )
      ).toEqual([
        expect.objectContaining({
          id: inCart.reservation.id,
          status: "active",
          cart_id: cartId,
        }),
        expect.objectContaining({
          id: alone.reservation.id,
          status: "active",
          cart_id: null,
        }),
      ])
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 3, units_sold: 0 })
      )

      // Other metadata is welcome, and the held reservation still goes into
      // the cart through the flash sale's route, with its keys.
      const noted = await attempt(
        api.post(
          url,
          {
            variant_id: variantId,
            quantity: 1,
            metadata: { gift_note: "Joyeux anniversaire" },
          },
          { headers: shopper.headers }
        )
      )
      expect(noted.status).toEqual(200)
      const placed = await attempt(
        api.post(
          `/store/carts/${cartId}/flash-sale-reservations`,
          { reservation_id: alone.reservation.id },
          { headers: shopper.headers }
        )
      )
      expect(placed.status).toEqual(200)
      await flash.readyForPayment(shopper.headers, cartId)
      const bought = await flash.pay(shopper.headers, cartId)
      expect(bought.data.type).toEqual("order")
    })

    it("refuses a reserved line priced in the currency the cart had before a region change", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 2 },
      ])
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers, "eur")
      const { data: held } = await flash.reserve(shopper.headers, sale.id, {
        item_id: sale.items[0].id,
        quantity: 1,
      })
      // The reservation is placed and its line priced in euros; the region
      // changes before the line is added, as a racing request can make it.
      await service().placeInCart(held.reservation.id, {
        customerId: shopper.id,
        cartId,
      })
      const { data: regions } = await api.get("/store/regions", {
        headers: shopper.headers,
      })
      const usd = regions.regions.find(
        (r: { currency_code: string }) => r.currency_code === "usd"
      )
      await api.post(
        `/store/carts/${cartId}`,
        { region_id: usd.id },
        { headers: shopper.headers }
      )
      const line = (unit_price: number) => ({
        cart_id: cartId,
        items: [
          {
            variant_id: variantId,
            quantity: 1,
            unit_price,
            metadata: {
              flash_sale_reservation_id: held.reservation.id,
              flash_sale_id: sale.id,
            },
          },
        ],
      })

      const { errors } = await addToCartWorkflow(getContainer()).run({
        input: line(12.5),
        throwOnError: false,
      })
      expect(errors.map(({ error }) => error.message)).toEqual([
        "The flash price of this item in the cart's currency changed while it was being added; add your reservation to the cart again",
      ])
      expect(await flash.cartLines(shopper.headers, cartId)).toEqual([])

      // Priced in the cart's currency now, the same line is welcome.
      const { errors: none } = await addToCartWorkflow(getContainer()).run({
        input: line(14),
        throwOnError: false,
      })
      expect(none).toEqual([])
      expect(await flash.cartLines(shopper.headers, cartId)).toHaveLength(1)
    })

    it("refuses flash-sale details on the first items of a new cart, creating nothing", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 2 },
      ])
      const shopper = await flash.register()
      const { data: held } = await flash.reserve(shopper.headers, sale.id, {
        item_id: sale.items[0].id,
        quantity: 1,
      })
      const { data: regions } = await api.get("/store/regions", {
        headers: shopper.headers,
      })
      const region = regions.regions.find(
        (r: { currency_code: string }) => r.currency_code === "eur"
      )
      const cartModule = getContainer().resolve(Modules.CART)
      const cartsOf = () => cartModule.listCarts({ customer_id: shopper.id })

      for (const metadata of [
        {
          flash_sale_reservation_id: held.reservation.id,
          flash_sale_id: sale.id,
        },
        { flash_sale_id: sale.id },
      ]) {
        const refused = await attempt(
          api.post(
            "/store/carts",
            {
              region_id: region.id,
              items: [{ variant_id: variantId, quantity: 1, metadata }],
            },
            { headers: shopper.headers }
          )
        )
        expect([
          refused.status,
          refused.data.type,
          refused.data.message,
        ]).toEqual([
          400,
          "invalid_data",
          "Flash-sale details cannot be added to a cart item; add the item without them, or reserve it through its flash sale",
        ])
      }
      expect(await cartsOf()).toEqual([])
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_reserved: 1, units_sold: 0 })
      )

      const created = await attempt(
        api.post(
          "/store/carts",
          {
            region_id: region.id,
            items: [
              {
                variant_id: variantId,
                quantity: 1,
                metadata: { gift_note: "Joyeux anniversaire" },
              },
            ],
          },
          { headers: shopper.headers }
        )
      )
      expect(created.status).toEqual(200)
      expect(await cartsOf()).toHaveLength(1)
    })

    it("refuses to release a reservation its checked-out cart is buying", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 2, per_customer_limit: 1 },
      ])
      const itemId = sale.items[0].id
      const bought = await buyOneUncounted(sale.id, itemId)

      const release = await attempt(
        api.delete(`/store/flash-sales/reservations/${bought.reservationId}`, {
          headers: bought.shopper.headers,
        })
      )
      expect(release.status).toEqual(400)
      expect(release.data.message).toEqual(
        "This flash sale reservation was already purchased"
      )
      expect(
        (await reservationsOf(bought.shopper.headers)).get(bought.reservationId)
      ).toEqual(expect.objectContaining({ status: "active" }))
      const again = await attempt(
        flash.reserve(bought.shopper.headers, sale.id, {
          item_id: itemId,
          quantity: 1,
          cart_id: await flash.openCart(bought.shopper.headers),
        })
      )
      expect(again.status).toEqual(400)

      await confirmOrderReservationsWorkflow(getContainer()).run({
        input: { order_id: bought.order.id },
      })
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({ units_sold: 1, units_reserved: 0 })
      )

      // A checkout ending while the line is being removed keeps it too:
      // Medusa refuses to refresh a completed cart and puts the line back.
      const racer = await flash.register("racer")
      const racerCart = await flash.openCart(racer.headers)
      const { data: held } = await flash.reserve(racer.headers, sale.id, {
        item_id: itemId,
        quantity: 1,
        cart_id: racerCart,
      })
      const cartModule = getContainer().resolve(Modules.CART)
      const softDelete = cartModule.softDeleteLineItems
      const checkoutFirst = jest
        .spyOn(cartModule, "softDeleteLineItems")
        .mockImplementation(async (...args: Parameters<typeof softDelete>) => {
          await cartModule.updateCarts(racerCart, { completed_at: new Date() })
          return await softDelete.apply(cartModule, args)
        })
      try {
        const raced = await attempt(
          api.delete(`/store/flash-sales/reservations/${held.reservation.id}`, {
            headers: racer.headers,
          })
        )
        expect([raced.status, raced.data.message]).toEqual([
          400,
          `Cart ${racerCart} is already completed.`,
        ])
      } finally {
        checkoutFirst.mockRestore()
      }
      expect(
        (await reservationsOf(racer.headers)).get(held.reservation.id)
      ).toEqual(expect.objectContaining({ status: "active" }))
      expect(await flash.cartLines(racer.headers, racerCart)).toHaveLength(1)
      expect((await flash.saleItems(sale.id))[0].units_reserved).toEqual(1)
    })

    it("counts nothing sold for an order whose placement is handled after its cancellation", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 2)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 2, per_customer_limit: 1 },
      ])
      const itemId = sale.items[0].id
      // One order is canceled before its units are counted, one after.
      const early = await buyOneUncounted(sale.id, itemId)
      const late = await buyOne(sale.id, itemId)
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_sold === 1,
        { what: "the second order to count as sold" }
      )
      for (const { order } of [early, late]) {
        await api.post(
          `/admin/orders/${order.id}/cancel`,
          {},
          { headers: seeded.adminHeaders }
        )
      }
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_left === 2,
        { what: "the canceled orders' units to come back" }
      )

      // Their placements are handled (again) now.
      for (const { order } of [early, late]) {
        const { result } = await confirmOrderReservationsWorkflow(
          getContainer()
        ).run({ input: { order_id: order.id } })
        expect(result.confirmed).toEqual([])
      }
      expect((await flash.saleItems(sale.id))[0]).toEqual(
        expect.objectContaining({
          units_sold: 0,
          units_reserved: 0,
          units_left: 2,
        })
      )
      expect(
        (await reservationsOf(early.shopper.headers)).get(early.reservationId)
      ).toEqual(expect.objectContaining({ status: "released" }))
      expect(
        (await reservationsOf(late.shopper.headers)).get(late.reservationId)
      ).toEqual(expect.objectContaining({ status: "returned" }))
      for (const { shopper } of [early, late]) {
        const again = await attempt(
          flash.reserve(shopper.headers, sale.id, {
            item_id: itemId,
            quantity: 1,
            cart_id: await flash.openCart(shopper.headers),
          })
        )
        expect(again.status).toEqual(201)
      }
    })
  },
})
