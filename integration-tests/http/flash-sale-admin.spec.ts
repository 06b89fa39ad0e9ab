import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { advanceSaleStatusesWorkflow } from "../../src/workflows/flash-sale/advance-sale-statuses"
import { createFlashSaleWorkflow } from "../../src/workflows/flash-sale/create-flash-sale"
import {
  attempt,
  awayFromMinuteBoundary,
  useFlashSaleStore,
  type AdminSale,
} from "../utils/flash-sale"
import { waitFor } from "../utils/wait-for"

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const { seeded, flash, events, service, openSaleStream, openAdminStream } =
      useFlashSaleStore(
        { api, getContainer },
        {
          events: [
            "flash_sale.started",
            "flash_sale.ended",
            "flash_sale.sold_out",
          ],
        }
      )

    const eventsOf = (id: string) =>
      events
        .filter(
          (event) =>
            event.name !== "flash_sale.sold_out" && event.data.id === id
        )
        .map((event) => event.name)

    const hoursFromNow = (hours: number) =>
      new Date(Date.now() + hours * 3600 * 1000).toISOString()

    it("defines a sale and shows it to admins and shoppers with its sell-through", async () => {
      const [first, second] = [
        await flash.variantOf("paris-brest", 1),
        await flash.variantOf("paris-brest", 2),
      ]
      const { status, data } = await api.post(
        "/admin/flash-sales",
        {
          title: "Paris-Brest hour",
          starts_at: hoursFromNow(-1),
          ends_at: hoursFromNow(1),
          items: [
            {
              variant_id: first,
              prices: { eur: 20, usd: 23 },
              units_allocated: 10,
              per_customer_limit: 2,
            },
            {
              variant_id: second,
              prices: { eur: 30 },
              units_allocated: 4,
              per_customer_limit: 1,
            },
          ],
        },
        { headers: seeded.adminHeaders }
      )
      expect(status).toEqual(201)
      const sale = data.flash_sale
      expect(sale).toEqual(
        expect.objectContaining({
          title: "Paris-Brest hour",
          status: "scheduled",
        })
      )
      expect(sale.items).toHaveLength(2)
      expect(sale.items).toContainEqual(
        expect.objectContaining({
          variant_id: first,
          units_allocated: 10,
          units_sold: 0,
          units_reserved: 0,
          units_left: 10,
        })
      )

      const { data: listed } = await api.get(
        `/admin/flash-sales?product_id=${
          (
            await api.get("/store/products?handle=paris-brest", {
              headers: seeded.storeHeaders,
            })
          ).data.products[0].id
        }`,
        { headers: seeded.adminHeaders }
      )
      expect(listed.flash_sales.map((s: { id: string }) => s.id)).toContain(
        sale.id
      )
      const { data: byVariant } = await api.get(
        `/admin/flash-sales?variant_id=${second}&status=scheduled`,
        { headers: seeded.adminHeaders }
      )
      expect(byVariant.flash_sales.map((s: { id: string }) => s.id)).toEqual([
        sale.id,
      ])
      const { data: other } = await api.get(
        `/admin/flash-sales?variant_id=variant_elsewhere`,
        { headers: seeded.adminHeaders }
      )
      expect(other).toEqual(
        expect.objectContaining({ flash_sales: [], count: 0 })
      )

      const { data: regions } = await api.get("/store/regions", {
        headers: seeded.storeHeaders,
      })
      const usd = regions.regions.find(
        (r: { currency_code: string }) => r.currency_code === "usd"
      )
      const { data: shown } = await api.get(
        `/store/flash-sales/${sale.id}?region_id=${usd.id}`,
        { headers: seeded.storeHeaders }
      )
      expect(shown.currency_code).toEqual("usd")
      expect(shown.flash_sale.state).toEqual("active")
      const prices = Object.fromEntries(
        shown.flash_sale.items.map(
          (item: { variant_id: string; price: number | null }) => [
            item.variant_id,
            item.price,
          ]
        )
      )
      expect(prices).toEqual({ [first]: 23, [second]: null })
    })

    it("pages through sales that start together without repeating or skipping one", async () => {
      const variantId = await flash.variantOf("paris-brest", 0)
      const startsAt = hoursFromNow(2)
      const created: string[] = []
      for (let index = 0; index < 7; index++) {
        const { data } = await api.post(
          "/admin/flash-sales",
          {
            title: `Same start ${index}`,
            starts_at: startsAt,
            ends_at: hoursFromNow(3),
            items: [
              {
                variant_id: variantId,
                prices: { eur: 20 },
                units_allocated: 1,
                per_customer_limit: 1,
              },
            ],
          },
          { headers: seeded.adminHeaders }
        )
        created.push(data.flash_sale.id)
      }

      const paged: string[] = []
      for (let offset = 0; offset < 7; offset += 2) {
        const { data } = await api.get(
          `/admin/flash-sales?variant_id=${variantId}&status=scheduled&limit=2&offset=${offset}`,
          { headers: seeded.adminHeaders }
        )
        expect(data.count).toEqual(7)
        paged.push(...data.flash_sales.map((sale: { id: string }) => sale.id))
      }
      expect(paged).toHaveLength(7)
      expect([...paged].sort()).toEqual([...created].sort())
    })

    it("lists upcoming sales for shoppers with a countdown and hides drafts", async () => {
      const variantId = await flash.variantOf("tarte-au-citron-meringuee", 0)
      const upcoming = await flash.createSale(
        [{ variant_id: variantId, units_allocated: 3 }],
        { startsInMs: 3600_000, endsInMs: 7200_000 }
      )
      const { data: draft } = await api.post(
        "/admin/flash-sales",
        {
          title: "Not yet",
          status: "draft",
          starts_at: hoursFromNow(-1),
          ends_at: hoursFromNow(1),
          items: [
            {
              variant_id: variantId,
              prices: { eur: 9 },
              units_allocated: 1,
              per_customer_limit: 1,
            },
          ],
        },
        { headers: seeded.adminHeaders }
      )

      const { data } = await api.get("/store/flash-sales", {
        headers: seeded.storeHeaders,
      })
      const ids = data.flash_sales.map((s: { id: string }) => s.id)
      expect(ids).toContain(upcoming.id)
      expect(ids).not.toContain(draft.flash_sale.id)
      const shown = data.flash_sales.find(
        (s: { id: string }) => s.id === upcoming.id
      )
      expect(shown.state).toEqual("upcoming")
      expect(shown.starts_in_seconds).toBeGreaterThan(3590)
      expect(shown.starts_in_seconds).toBeLessThanOrEqual(3600)
      expect(shown.items[0]).toEqual(
        expect.objectContaining({ price: null, units_left: 3 })
      )
      expect(new Date(data.server_time).getTime()).toBeLessThanOrEqual(
        Date.now()
      )
      const hidden = await attempt(
        api.get(`/store/flash-sales/${draft.flash_sale.id}`, {
          headers: seeded.storeHeaders,
        })
      )
      expect(hidden.status).toEqual(404)
    })

    it("refuses malformed sale definitions with a clear 4xx and creates nothing", async () => {
      const variantId = await flash.variantOf("tarte-au-citron-meringuee", 1)
      const valid = {
        title: "Bad input",
        starts_at: hoursFromNow(1),
        ends_at: hoursFromNow(2),
        items: [
          {
            variant_id: variantId,
            prices: { eur: 10 },
            units_allocated: 5,
            per_customer_limit: 1,
          },
        ],
      }
      const withItem = (change: Record<string, unknown>) => ({
        ...valid,
        items: [{ ...valid.items[0], ...change }],
      })
      const [salesBefore, itemsBefore] = [
        await service().listFlashSales({}, { select: ["id"] }),
        await service().listFlashSaleItems({}, { select: ["id"] }),
      ]
      const post = async (body: unknown) => {
        const { status, data } = await attempt(
          api.post("/admin/flash-sales", body, { headers: seeded.adminHeaders })
        )
        return [status, data.message]
      }

      expect(
        await post({
          ...valid,
          starts_at: valid.ends_at,
          ends_at: valid.starts_at,
        })
      ).toEqual([400, "Invalid request: ends_at must be after starts_at"])
      expect(await post(withItem({ prices: { eur: -5 } }))).toEqual([
        400,
        "Invalid request: Prices must be numbers above 0 and at most 1,000,000",
      ])
      expect(await post(withItem({ units_allocated: 0 }))).toEqual([
        400,
        "Invalid request: units_allocated must be a whole number from 1 to 1,000,000",
      ])
      expect(await post(withItem({ per_customer_limit: 0 }))).toEqual([
        400,
        "Invalid request: per_customer_limit must be a whole number from 1 to 1,000",
      ])
      const [stockStatus, stockMessage] = await post(
        withItem({ units_allocated: 101 })
      )
      expect(stockStatus).toEqual(400)
      expect(stockMessage).toMatch(
        new RegExp(`^Variant ${variantId} has \\d+ unit\\(s\\) in stock`)
      )
      expect(await post(withItem({ variant_id: "variant_nope" }))).toEqual([
        404,
        "Variant variant_nope was not found",
      ])
      expect(
        await post({ ...valid, items: [valid.items[0], valid.items[0]] })
      ).toEqual([
        400,
        "Invalid request: Each variant can appear once in a sale",
      ])
      const [emptyStatus] = await post({ ...valid, items: [] })
      expect(emptyStatus).toEqual(400)
      const [dateStatus] = await post({ ...valid, starts_at: "tomorrow" })
      expect(dateStatus).toEqual(400)
      expect(await post({ ...valid, discount: 10 })).toEqual([
        400,
        "Invalid request: Unrecognized fields: 'discount'",
      ])

      // Past the route's validation, a failing item leaves no sale behind.
      const failure = await createFlashSaleWorkflow(getContainer())
        .run({ input: { ...valid, items: [valid.items[0], valid.items[0]] } })
        .then(
          () => null,
          (error: { message?: string }) => error
        )
      expect(failure?.message).toMatch(/already exists/)

      expect(await service().listFlashSales({}, { select: ["id"] })).toEqual(
        salesBefore
      )
      expect(
        await service().listFlashSaleItems({}, { select: ["id"] })
      ).toEqual(itemsBefore)
    })

    it("refuses bad sale edits and queries with a clear 4xx, and strangers with 401", async () => {
      const variantId = await flash.variantOf("tarte-au-citron-meringuee", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 3 },
      ])
      const itemId = sale.items[0].id
      const edit = async (body: unknown) => {
        const { status, data } = await attempt(
          api.post(`/admin/flash-sales/${sale.id}`, body, {
            headers: seeded.adminHeaders,
          })
        )
        return [status, data.message]
      }
      const list = async (query: string) =>
        (
          await attempt(
            api.get(`/admin/flash-sales?${query}`, {
              headers: seeded.adminHeaders,
            })
          )
        ).status

      const unitsRefused = [
        400,
        "Invalid request: units_allocated must be a whole number from 1 to 1,000,000",
      ]
      for (const units of [-1, "two", 2.5, null]) {
        expect(
          await edit({ items: [{ id: itemId, units_allocated: units }] })
        ).toEqual(unitsRefused)
      }
      expect(
        await edit({ items: [{ id: itemId, prices: { eur: "12" } }] })
      ).toEqual([
        400,
        "Invalid request: Prices must be numbers above 0 and at most 1,000,000",
      ])
      expect(await edit({ items: [{ id: 7 }] })).toEqual([
        400,
        "Invalid request: id must be a non-empty string",
      ])
      expect(await edit({ discount: 10 })).toEqual([
        400,
        "Invalid request: Unrecognized fields: 'discount'",
      ])
      expect((await edit({ starts_at: "soon" }))[0]).toEqual(400)
      expect(await list("status=closed")).toEqual(400)
      expect(await list("limit=-1")).toEqual(400)
      expect(await list("sort=title")).toEqual(400)

      for (const request of [
        api.get("/admin/flash-sales"),
        api.get(`/admin/flash-sales/${sale.id}`),
        api.post(`/admin/flash-sales/${sale.id}`, { title: "Mine" }),
        api.post(`/admin/flash-sales/${sale.id}/end`, {}),
        api.post("/admin/flash-sales", {}, { headers: seeded.storeHeaders }),
      ]) {
        expect((await attempt(request)).status).toEqual(401)
      }
      const [item] = await flash.saleItems(sale.id)
      expect(item.units_allocated).toEqual(3)
      const { data } = await api.get(`/admin/flash-sales/${sale.id}`, {
        headers: seeded.adminHeaders,
      })
      expect(data.flash_sale).toEqual(
        expect.objectContaining({ title: sale.title, status: sale.status })
      )
    })

    it("edits a sale but never below the units sold or reserved", async () => {
      const variantId = await flash.variantOf("tarte-au-citron-meringuee", 2)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 3 },
      ])
      const itemId = sale.items[0].id
      const shopper = await flash.register()
      const cartId = await flash.openCart(shopper.headers)
      await flash.reserve(shopper.headers, sale.id, {
        item_id: itemId,
        quantity: 2,
        cart_id: cartId,
      })
      const edit = async (body: unknown, id = sale.id) => {
        const { status, data } = await attempt<{
          message?: string
          flash_sale?: AdminSale
        }>(
          api.post(`/admin/flash-sales/${id}`, body, {
            headers: seeded.adminHeaders,
          })
        )
        return [status, data.message ?? data.flash_sale] as const
      }

      expect(
        await edit({ items: [{ id: itemId, units_allocated: 1 }] })
      ).toEqual([
        400,
        `Item ${itemId} has 2 unit(s) sold or reserved; its allocation cannot go below that`,
      ])
      const [stockStatus] = await edit({
        items: [{ id: itemId, units_allocated: 500 }],
      })
      expect(stockStatus).toEqual(400)
      expect(
        await edit({ items: [{ id: "fsitem_other", units_allocated: 3 }] })
      ).toEqual([404, `Item fsitem_other is not part of flash sale ${sale.id}`])
      expect(
        await edit({ ends_at: new Date(Date.now() - 7200_000).toISOString() })
      ).toEqual([400, "ends_at must be after starts_at"])
      const [unknownStatus] = await edit({ title: "x" }, "fsale_unknown")
      expect(unknownStatus).toEqual(404)
      expect((await flash.saleItems(sale.id))[0].units_allocated).toEqual(5)

      const endsAt = hoursFromNow(3)
      const [status, editedSale] = await edit({
        title: "Citron rush",
        ends_at: endsAt,
        items: [
          {
            id: itemId,
            units_allocated: 2,
            per_customer_limit: 2,
            prices: { eur: 11 },
          },
        ],
      })
      expect(status).toEqual(200)
      const edited = editedSale as AdminSale
      expect(edited).toEqual(
        expect.objectContaining({ title: "Citron rush", ends_at: endsAt })
      )
      expect(edited.items[0]).toEqual(
        expect.objectContaining({
          units_allocated: 2,
          units_reserved: 2,
          units_left: 0,
          per_customer_limit: 2,
          // Prices merge: currencies not named keep their price.
          prices: { eur: 11, usd: 14 },
        })
      )

      const other = await flash.register()
      const otherCart = await flash.openCart(other.headers)
      const refused = await attempt(
        flash.reserve(other.headers, sale.id, {
          item_id: itemId,
          quantity: 1,
          cart_id: otherCart,
        })
      )
      expect(refused.status).toEqual(400)
      expect(refused.data.message).toEqual("This flash sale item is sold out")
    })

    it("announces a sell-out once when an edit lowers the allocation onto the units taken", async () => {
      const variantId = await flash.variantOf("paris-brest", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 3 },
      ])
      const itemId = sale.items[0].id
      const shopper = await flash.register()
      await flash.reserve(shopper.headers, sale.id, {
        item_id: itemId,
        quantity: 2,
        cart_id: await flash.openCart(shopper.headers),
      })
      const stream = await openSaleStream(sale.id)
      expect(stream.status).toEqual(200)
      const adminStream = await openAdminStream()
      expect(adminStream.status).toEqual(200)
      const streamed = (name: string) =>
        stream.events.filter((event) => event.event === name)
      const toAdmins = () =>
        adminStream.events.filter(
          (event) =>
            event.event === "flash_sale.sold_out" &&
            (event.data as { item_id: string }).item_id === itemId
        )
      const soldOutEvents = () =>
        events.filter(
          (event) =>
            event.name === "flash_sale.sold_out" &&
            event.data.item_id === itemId
        )
      const allocate = (units: number) =>
        api.post(
          `/admin/flash-sales/${sale.id}`,
          { items: [{ id: itemId, units_allocated: units }] },
          { headers: seeded.adminHeaders }
        )
      const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))

      const { data } = await allocate(2)
      expect(data.flash_sale.items[0]).toEqual(
        expect.objectContaining({ units_allocated: 2, units_left: 0 })
      )
      await waitFor(async () => streamed("flash_sale.sold_out").length > 0, {
        what: "the sell-out on the sale's stream",
      })
      const zeroLeft = await waitFor(
        async () =>
          streamed("flash_sale.units_left").find(
            (event) =>
              (event.data as { items: { units_left: number }[] }).items[0]
                .units_left === 0
          ),
        { what: "units left of 0 on the sale's stream" }
      )
      expect(zeroLeft.data).toEqual({
        id: sale.id,
        server_time: expect.any(String),
        items: [{ id: itemId, variant_id: variantId, units_left: 0 }],
      })
      expect(streamed("flash_sale.sold_out")[0].data).toEqual({
        id: sale.id,
        item_id: itemId,
        variant_id: variantId,
        server_time: expect.any(String),
        units_left: 0,
      })
      const [adminSoldOut] = await waitFor(
        async () => toAdmins().length > 0 && toAdmins(),
        { what: "the sell-out on the admin channel" }
      )
      expect(adminSoldOut.data).toEqual(
        expect.objectContaining({ title: `Sold out: ${sale.title}` })
      )

      // Already sold out: the same edit, or another one, announces nothing.
      await allocate(2)
      await api.post(
        `/admin/flash-sales/${sale.id}`,
        {
          title: "Still sold out",
          items: [{ id: itemId, per_customer_limit: 2 }],
        },
        { headers: seeded.adminHeaders }
      )
      await settle()
      expect(soldOutEvents().map((event) => event.data)).toEqual([
        { id: sale.id, item_id: itemId, variant_id: variantId },
      ])
      expect(streamed("flash_sale.sold_out")).toHaveLength(1)

      // A raise frees a unit; lowering it again is a new sell-out.
      await allocate(3)
      await allocate(2)
      await waitFor(async () => soldOutEvents().length === 2, {
        what: "the second sell-out",
      })
      await settle()
      expect(soldOutEvents()).toHaveLength(2)
      expect(streamed("flash_sale.sold_out")).toHaveLength(2)
      expect(toAdmins()).toHaveLength(2)
    })

    it("puts a sale back as it was when a later step of the edit fails", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 0)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5 },
      ])
      const itemId = sale.items[0].id
      jest
        .spyOn(service(), "forgetSaleCache")
        .mockImplementationOnce(async () => {
          // Another admin changes what this edit does not touch meanwhile.
          await service().updateFlashSaleItems({
            id: itemId,
            per_customer_limit: 4,
          })
          throw new Error("cache unreachable")
        })

      const failed = await attempt(
        api.post(
          `/admin/flash-sales/${sale.id}`,
          {
            title: "Changed",
            items: [{ id: itemId, units_allocated: 7 }],
          },
          { headers: seeded.adminHeaders }
        )
      )
      expect(failed.status).toEqual(500)
      const { data } = await api.get(`/admin/flash-sales/${sale.id}`, {
        headers: seeded.adminHeaders,
      })
      expect(data.flash_sale.title).toEqual(sale.title)
      expect(data.flash_sale.items[0]).toEqual(
        expect.objectContaining({ units_allocated: 5, per_customer_limit: 4 })
      )
    })

    it("changes nothing when part of an edit is refused", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5, per_customer_limit: 2 },
      ])
      const [before] = await flash.saleItems(sale.id)
      jest
        .spyOn(service(), "updateFlashSales")
        .mockRejectedValueOnce(new Error("sale row refused"))

      const failed = await attempt(
        api.post(
          `/admin/flash-sales/${sale.id}`,
          {
            title: "Changed",
            items: [
              {
                id: before.id,
                units_allocated: 7,
                per_customer_limit: 3,
                prices: { eur: 20 },
              },
            ],
          },
          { headers: seeded.adminHeaders }
        )
      )

      expect(failed.status).toEqual(500)
      expect(await flash.saleItems(sale.id)).toEqual([before])
      const { data } = await api.get(`/admin/flash-sales/${sale.id}`, {
        headers: seeded.adminHeaders,
      })
      expect(data.flash_sale.title).toEqual(sale.title)
    })

    it("ends a sale once and refuses new reservations for it, while holds taken before can still be bought", async () => {
      // The every-minute job would start the sale before it is ended.
      await awayFromMinuteBoundary(15)
      const variantId = await flash.variantOf("tarte-aux-framboises", 1)
      const sale = await flash.createSale([
        { variant_id: variantId, units_allocated: 5 },
      ])
      const holder = await flash.register("holder")
      const holderCart = await flash.openCart(holder.headers)
      await flash.reserve(holder.headers, sale.id, {
        item_id: sale.items[0].id,
        quantity: 1,
        cart_id: holderCart,
      })
      const end = () =>
        api.post(
          `/admin/flash-sales/${sale.id}/end`,
          {},
          { headers: seeded.adminHeaders }
        )
      const { data } = await end()
      expect(data.flash_sale.status).toEqual("ended")
      expect((await end()).data.flash_sale.status).toEqual("ended")
      await waitFor(async () => eventsOf(sale.id).length > 0, {
        what: "flash_sale.ended",
      })
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(eventsOf(sale.id)).toEqual(["flash_sale.ended"])

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
      expect(refused.data.message).toEqual(
        "This flash sale is not open for reservations"
      )
      const { data: listed } = await api.get("/store/flash-sales", {
        headers: seeded.storeHeaders,
      })
      expect(listed.flash_sales.map((s: { id: string }) => s.id)).not.toContain(
        sale.id
      )
      const { data: shown } = await api.get(`/store/flash-sales/${sale.id}`, {
        headers: seeded.storeHeaders,
      })
      expect(shown.flash_sale.state).toEqual("ended")

      await flash.readyForPayment(holder.headers, holderCart)
      const bought = await flash.pay(holder.headers, holderCart)
      expect(bought.status).toEqual(200)
      expect(bought.data).toEqual(
        expect.objectContaining({
          type: "order",
          order: expect.objectContaining({ item_subtotal: 12.5 }),
        })
      )
      await waitFor(
        async () => (await flash.saleItems(sale.id))[0].units_sold === 1,
        { what: "the held unit to count as sold" }
      )
      const edit = await attempt(
        api.post(
          `/admin/flash-sales/${sale.id}`,
          { title: "Again" },
          { headers: seeded.adminHeaders }
        )
      )
      expect(edit.status).toEqual(400)
      expect(
        (
          await attempt(
            api.post(
              "/admin/flash-sales/fsale_unknown/end",
              {},
              { headers: seeded.adminHeaders }
            )
          )
        ).status
      ).toEqual(404)
    })

    it("starts and ends sales on time, announcing each change once", async () => {
      const variantId = await flash.variantOf("tarte-aux-framboises", 2)
      const sale = await flash.createSale(
        [{ variant_id: variantId, units_allocated: 5 }],
        { startsInMs: 120_000, endsInMs: 600_000 }
      )
      const adminStream = await openAdminStream()
      const run = (offsetMs: number) =>
        advanceSaleStatusesWorkflow(getContainer()).run({
          input: { now: new Date(Date.now() + offsetMs).toISOString() },
        })

      const started = await run(180_000)
      expect(started.result.started).toContain(sale.id)
      expect((await run(180_000)).result.started).not.toContain(sale.id)
      const { data: active } = await api.get(`/admin/flash-sales/${sale.id}`, {
        headers: seeded.adminHeaders,
      })
      expect(active.flash_sale.status).toEqual("active")

      const ended = await run(660_000)
      expect(ended.result.ended).toContain(sale.id)
      expect((await run(660_000)).result.ended).not.toContain(sale.id)
      await waitFor(async () => eventsOf(sale.id).length === 2, {
        what: "the start and end events",
      })
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(eventsOf(sale.id)).toEqual([
        "flash_sale.started",
        "flash_sale.ended",
      ])
      const announced = await waitFor(
        async () =>
          adminStream.events.find(
            (event) =>
              event.event === "flash_sale.started" &&
              (event.data as { id: string }).id === sale.id
          ),
        { what: "the start on the admin channel" }
      )
      expect(announced.data).toEqual(
        expect.objectContaining({ title: `Flash sale started: ${sale.title}` })
      )
    })
  },
})
