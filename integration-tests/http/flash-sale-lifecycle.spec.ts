import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { advanceSaleStatusesWorkflow } from "../../src/workflows/flash-sale/advance-sale-statuses"
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
      const failingConfirm = jest
        .spyOn(service(), "confirm")
        .mockRejectedValue(new Error("database unreachable"))
      let bought: Awaited<ReturnType<typeof buyOne>>
      try {
        bought = await buyOne(sale.id, itemId)
        await waitFor(async () => failingConfirm.mock.calls.length > 0, {
          what: "the order's units to be counted",
        })
      } finally {
        failingConfirm.mockRestore()
      }
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
  },
})
