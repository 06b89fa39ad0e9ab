import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  EMAIL_QUEUE_MODULE,
  type EmailQueueModuleService,
} from "../../src/modules/email-queue"
import {
  REALTIME_MODULE,
  type RealtimeModuleService,
} from "../../src/modules/realtime"
import { notifyBackInStockWorkflow } from "../../src/workflows/realtime/notify-back-in-stock"
import { notifyLowStockWorkflow } from "../../src/workflows/realtime/notify-low-stock"
import { checkout, login } from "../utils/checkout"
import { openSse, type SseClient, type SseEvent } from "../utils/sse-client"
import { waitFor } from "../utils/wait-for"
import { loginAdmin, seedStore } from "../utils/seeded-store"

jest.setTimeout(90 * 1000)

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const REDIS_BASE = `klelite-test-rtn-${process.pid}-${Date.now()}`
const switches = { REDIS_URL, REDIS_PREFIX: `${REDIS_BASE}:` }
Object.assign(process.env, switches)

type Headers = Record<string, string>
medusaIntegrationTestRunner({
  inApp: true,
  env: switches,
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: Headers
    let base: string
    const clients: SseClient[] = []

    async function sse(path: string, headers: Headers) {
      const client = await openSse(`${base}${path}`, headers)
      clients.push(client)
      expect(client.status).toEqual(200)
      return client
    }

    async function register(email: string) {
      const { data: auth } = await api.post(
        "/auth/customer/emailpass/register",
        { email, password: "secret-pass" }
      )
      await api.post(
        "/store/customers",
        { email, first_name: "Bea", last_name: "Martin" },
        { headers: { ...storeHeaders, authorization: `Bearer ${auth.token}` } }
      )
      return {
        ...storeHeaders,
        ...(await login(api, "customer", email, "secret-pass")),
      }
    }

    async function emailsTo(to: string, template: string) {
      const notification = getContainer().resolve(Modules.NOTIFICATION)
      return await notification.listNotifications({
        to,
        template,
        channel: "email",
      })
    }

    const STREAM = "/store/customers/me/notifications/stream"
    const ofType = (client: SseClient, event: string) =>
      client.events.filter((received) => received.event === event)
    const orderIdOf = (event: SseEvent) =>
      (event.data as { order_id?: string }).order_id

    beforeAll(async () => {
      ;({ storeHeaders } = await seedStore(getContainer()))
      base = String(api.defaults.baseURL).replace(/\/$/, "")
    })

    afterEach(() => {
      clients.splice(0).forEach((client) => client.close())
    })

    afterAll(async () => {
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys(`*${REDIS_BASE}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    it("shows each customer only their own orders, the admins both, and emails each confirmation once", async () => {
      const alice = {
        ...storeHeaders,
        ...(await login(api, "customer", "demo@klelite.local", "klelite-demo")),
      }
      const bea = await register("bea@example.com")
      const admin = await loginAdmin(api)
      const aliceStream = await sse(STREAM, alice)
      const beaStream = await sse(STREAM, bea)
      const adminStream = await sse("/admin/notifications/stream", admin)

      const [{ completed: a }, { completed: b }] = await Promise.all([
        checkout(api, alice),
        checkout(api, bea),
      ])
      const aliceOrder = a.order.id
      const beaOrder = b.order.id

      await waitFor(
        async () =>
          ofType(aliceStream, "order.placed").length === 1 &&
          ofType(beaStream, "order.placed").length === 1 &&
          ofType(adminStream, "order.placed").length === 2,
        { what: "the order notifications", timeoutMs: 20_000 }
      )
      expect(ofType(aliceStream, "order.placed").map(orderIdOf)).toEqual([
        aliceOrder,
      ])
      expect(ofType(beaStream, "order.placed").map(orderIdOf)).toEqual([
        beaOrder,
      ])
      expect(ofType(adminStream, "order.placed").map(orderIdOf).sort()).toEqual(
        [aliceOrder, beaOrder].sort()
      )

      // Points earned arrive once the loyalty ledger has them.
      await waitFor(
        async () => ofType(aliceStream, "loyalty.points_earned").length === 1,
        { what: "the points notification", timeoutMs: 20_000 }
      )
      expect(JSON.stringify(aliceStream.events)).not.toContain(beaOrder)
      expect(JSON.stringify(beaStream.events)).not.toContain(aliceOrder)

      // A redelivered order.placed sends no second confirmation.
      await waitFor(
        async () =>
          (await emailsTo("demo@klelite.local", "order-confirmation"))
            .length === 1,
        { what: "the confirmation email", timeoutMs: 20_000 }
      )
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit([
        { name: "order.placed", data: { id: aliceOrder } },
        { name: "order.placed", data: { id: aliceOrder } },
      ])
      await new Promise((resolve) => setTimeout(resolve, 2000))
      const confirmations = await emailsTo(
        "demo@klelite.local",
        "order-confirmation"
      )
      expect(confirmations).toHaveLength(1)
      expect(confirmations[0].status).toEqual("success")
      expect(ofType(aliceStream, "order.placed")).toHaveLength(1)
      expect(
        await emailsTo("demo@klelite.local", "points-earned")
      ).toHaveLength(1)
    })

    it("tells the customer about the captured payment, the fulfillment and the shipment, and emails the shipment once", async () => {
      const alice = {
        ...storeHeaders,
        ...(await login(api, "customer", "demo@klelite.local", "klelite-demo")),
      }
      const admin = await loginAdmin(api)
      const aliceStream = await sse(STREAM, alice)
      const adminStream = await sse("/admin/notifications/stream", admin)
      const { completed } = await checkout(api, alice)
      const orderId = completed.order.id

      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,*items,*payment_collections.payments`,
        { headers: admin }
      )
      const payment = data.order.payment_collections[0].payments[0]
      await api.post(
        `/admin/payments/${payment.id}/capture`,
        {},
        {
          headers: admin,
        }
      )
      const items = data.order.items.map(
        (item: { id: string; quantity: number }) => ({
          id: item.id,
          quantity: item.quantity,
        })
      )
      const { data: fulfilled } = await api.post(
        `/admin/orders/${orderId}/fulfillments?fields=*fulfillments`,
        { items },
        { headers: admin }
      )
      const fulfillmentId = fulfilled.order.fulfillments[0].id
      await api.post(
        `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`,
        {
          items,
          labels: [
            { tracking_number: "KL-123", tracking_url: "#", label_url: "#" },
          ],
        },
        { headers: admin }
      )

      const progress = [
        "payment.captured",
        "order.fulfillment_created",
        "order.shipped",
      ]
      await waitFor(
        async () =>
          progress.every((event) => ofType(aliceStream, event).length > 0) &&
          ofType(adminStream, "payment.captured").length > 0,
        { what: "the order progress notifications", timeoutMs: 30_000 }
      )
      for (const event of progress) {
        expect([event, ofType(aliceStream, event)]).toEqual([
          event,
          [expect.anything()],
        ])
      }
      expect(ofType(adminStream, "payment.captured")).toHaveLength(1)
      expect(ofType(aliceStream, "order.shipped")[0].data).toMatchObject({
        order_id: orderId,
        tracking_numbers: ["KL-123"],
      })
      const shipped = await waitFor(
        async () => {
          const sent = await emailsTo("demo@klelite.local", "order-shipped")
          return sent.length ? sent : null
        },
        { what: "the shipment email", timeoutMs: 20_000 }
      )
      expect(shipped).toHaveLength(1)
    })

    it("warns a customer whose points are expiring, live and by email, once per warning", async () => {
      const alice = {
        ...storeHeaders,
        ...(await login(api, "customer", "demo@klelite.local", "klelite-demo")),
      }
      const { data } = await api.get("/store/customers/me", { headers: alice })
      const aliceStream = await sse(STREAM, alice)
      const warning = {
        customer_id: data.customer.id,
        points: 75,
        expires_at: "2027-02-01T00:00:00.000Z",
      }
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit({ name: "loyalty.points_expiring", data: warning })
      await waitFor(
        async () => ofType(aliceStream, "loyalty.points_expiring").length === 1,
        { what: "the expiry warning" }
      )
      expect(
        ofType(aliceStream, "loyalty.points_expiring")[0].data
      ).toMatchObject({ points: 75, expires_at: warning.expires_at })
      await waitFor(
        async () =>
          (await emailsTo("demo@klelite.local", "points-expiring")).length ===
          1,
        { what: "the expiry email" }
      )

      // A redelivered warning is not shown twice.
      await eventBus.emit([
        { name: "loyalty.points_expiring", data: warning },
        { name: "loyalty.points_expiring", data: warning },
      ])
      await new Promise((resolve) => setTimeout(resolve, 2000))
      expect(ofType(aliceStream, "loyalty.points_expiring")).toHaveLength(1)
      expect(
        await emailsTo("demo@klelite.local", "points-expiring")
      ).toHaveLength(1)
    })

    it("registers back-in-stock requests once, notifies each waiting customer once when stock returns, and alerts the admins once per fall below the threshold", async () => {
      const alice = {
        ...storeHeaders,
        ...(await login(api, "customer", "demo@klelite.local", "klelite-demo")),
      }
      const admin = await loginAdmin(api)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({
        entity: "product",
        fields: [
          "variants.id",
          "variants.inventory_items.inventory_item_id",
          "variants.inventory_items.inventory.location_levels.location_id",
        ],
        filters: { handle: "macaron-pistache" },
      })
      const variant = products[0].variants[0]
      const link = variant.inventory_items?.[0]
      const itemId = link?.inventory_item_id
      const locationId = link?.inventory?.location_levels?.[0]?.location_id
      expect(itemId && locationId).toBeTruthy()
      const setStock = (stocked_quantity: number) =>
        api.post(
          `/admin/inventory-items/${itemId}/location-levels/${locationId}`,
          { stocked_quantity },
          { headers: admin }
        )

      const status = (promise: Promise<unknown>) =>
        promise.then(
          (response) => (response as { status: number }).status,
          (error: { response: { status: number } }) => error.response.status
        )
      const url = `/store/variants/${variant.id}/back-in-stock`
      expect(
        await status(api.post(url, {}, { headers: storeHeaders }))
      ).toEqual(401)
      expect(
        await status(
          api.post(
            "/store/variants/variant_nope/back-in-stock",
            {},
            { headers: alice }
          )
        )
      ).toEqual(404)
      expect(
        await status(
          api.post(url, { email: "x@example.com" }, { headers: alice })
        )
      ).toEqual(400)

      const adminStream = await sse("/admin/notifications/stream", admin)
      const lowStockAlerts = () =>
        ofType(adminStream, "inventory.low_stock").filter(
          ({ data }) =>
            (data as { variant_id: string }).variant_id === variant.id
        )
      await setStock(0)
      const first = await api.post(url, {}, { headers: alice })
      expect(first.status).toEqual(201)
      const repeats = await Promise.all(
        [1, 2, 3].map(() => api.post(url, {}, { headers: alice }))
      )
      expect(repeats.map(({ status }) => status)).toEqual([200, 200, 200])
      expect(
        new Set(repeats.map(({ data }) => data.back_in_stock_request.id))
      ).toEqual(new Set([first.data.back_in_stock_request.id]))

      const aliceStream = await sse(STREAM, alice)
      await setStock(2)
      await waitFor(
        async () => ofType(aliceStream, "product.back_in_stock").length === 1,
        { what: "the back-in-stock notification", timeoutMs: 20_000 }
      )
      // Below the default threshold of 5 twice: the admins hear of it once.
      await waitFor(async () => lowStockAlerts().length >= 1, {
        what: "the low-stock alert",
        timeoutMs: 20_000,
      })
      await setStock(20)
      await setStock(30)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(ofType(aliceStream, "product.back_in_stock")).toHaveLength(1)
      expect(lowStockAlerts()).toHaveLength(1)
      await waitFor(
        async () =>
          (await emailsTo("demo@klelite.local", "back-in-stock")).length === 1,
        { what: "the back-in-stock email", timeoutMs: 20_000 }
      )

      // A failing email step rolls back: the request is pending again and
      // the live notification is retracted.
      const realtime =
        getContainer().resolve<RealtimeModuleService>(REALTIME_MODULE)
      const again = await api.post(url, {}, { headers: alice })
      expect(again.status).toEqual(201)
      jest
        .spyOn(
          getContainer().resolve<EmailQueueModuleService>(EMAIL_QUEUE_MODULE),
          "enqueue"
        )
        .mockRejectedValueOnce(new Error("queue down"))
      const { data: levels } = await query.graph({
        entity: "inventory_level",
        fields: ["id"],
        filters: { inventory_item_id: itemId, location_id: locationId },
      })
      const { errors } = await notifyBackInStockWorkflow(getContainer()).run({
        input: { inventory_level_id: levels[0].id },
        throwOnError: false,
      })
      expect(errors[0]?.error?.message).toContain("queue down")
      const [pending] = await realtime.listBackInStockSubscriptions({
        id: again.data.back_in_stock_request.id,
      })
      expect(pending.notified_at).toBeNull()
      await waitFor(
        async () => ofType(aliceStream, "notification.retracted").length === 1,
        { what: "the retraction" }
      )
      jest.restoreAllMocks()

      // Back above the threshold, the next fall alerts again, once.
      const markers = () =>
        realtime.listLowStockAlerts({ variant_id: variant.id })
      await waitFor(async () => (await markers()).length === 0, {
        what: "the low-stock alert to clear",
        timeoutMs: 20_000,
      })
      await setStock(4)
      await setStock(3)
      await waitFor(async () => lowStockAlerts().length === 2, {
        what: "the second low-stock alert",
        timeoutMs: 20_000,
      })
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(lowStockAlerts()).toHaveLength(2)
      expect(await markers()).toHaveLength(1)

      // A failed alert leaves no marker behind, so the next update alerts.
      await setStock(30)
      await waitFor(async () => (await markers()).length === 0, {
        what: "the low-stock alert to clear again",
        timeoutMs: 20_000,
      })
      await getContainer()
        .resolve(Modules.PRODUCT)
        .updateProductVariants(variant.id, {
          metadata: { low_stock_threshold: 50 },
        })
      jest
        .spyOn(realtime, "publish")
        .mockRejectedValueOnce(new Error("broker down"))
      const alert = { input: { inventory_level_id: levels[0].id } }
      const failed = await notifyLowStockWorkflow(getContainer()).run({
        ...alert,
        throwOnError: false,
      })
      expect(failed.errors[0]?.error?.message).toContain("broker down")
      expect(await markers()).toHaveLength(0)
      jest.restoreAllMocks()
      const { result } = await notifyLowStockWorkflow(getContainer()).run(alert)
      expect(result.published).toHaveLength(1)
      expect(await markers()).toHaveLength(1)
    })
  },
})
