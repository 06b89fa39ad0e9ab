import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import Redis from "ioredis"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../src/modules/flash-sale"
import { login, PARIS_ADDRESS, type StoreHeaders } from "./checkout"
import { loginAdmin, seedStore } from "./seeded-store"
import { openSse, type SseClient } from "./sse-client"

/** Seeding alone takes minutes on a busy machine. */
const SEEDED_SUITE_TIMEOUT_MS = 12 * 60 * 1000

/** The Redis every flash-sale test that uses one shares. */
export const TEST_REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"

/** An event the suite saw on the event bus. */
export type RecordedEvent = { name: string; data: Record<string, unknown> }

/**
 * The set-up of a flash-sale suite run by `medusaIntegrationTestRunner`:
 * seeds the bakery and logs the admin in before all tests, records the
 * named events from the event bus, and closes the streams a test opened
 * after it. Call it in the suite's body.
 */
export function useFlashSaleStore(
  {
    api,
    getContainer,
  }: { api: AxiosInstance; getContainer: () => MedusaContainer },
  { events: eventNames = [] }: { events?: string[] } = {}
) {
  jest.setTimeout(SEEDED_SUITE_TIMEOUT_MS)
  const seeded = {
    storeHeaders: {} as StoreHeaders,
    adminHeaders: {} as StoreHeaders,
  }
  const events: RecordedEvent[] = []
  const streams: SseClient[] = []

  beforeAll(async () => {
    ;({ storeHeaders: seeded.storeHeaders } = await seedStore(getContainer()))
    seeded.adminHeaders = await loginAdmin(api)
    const eventBus = getContainer().resolve(Modules.EVENT_BUS)
    for (const name of eventNames) {
      eventBus.subscribe(name, async (event) => {
        events.push({ name, data: event.data as Record<string, unknown> })
      })
    }
  })

  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close())
  })

  /** Opens the sale's public event stream; it closes after the test. */
  async function openSaleStream(saleId: string) {
    const stream = await openSse(
      `${api.defaults.baseURL}/store/flash-sales/${saleId}/stream`,
      seeded.storeHeaders
    )
    streams.push(stream)
    return stream
  }

  /** Opens the admins' notification stream; it closes after the test. */
  async function openAdminStream() {
    const stream = await openSse(
      `${api.defaults.baseURL}/admin/notifications/stream`,
      seeded.adminHeaders
    )
    streams.push(stream)
    return stream
  }

  return {
    seeded,
    events,
    openSaleStream,
    openAdminStream,
    flash: flashSaleHelpers(
      api,
      () => seeded.storeHeaders,
      () => seeded.adminHeaders
    ),
    service: () =>
      getContainer().resolve<FlashSaleModuleService>(FLASH_SALE_MODULE),
  }
}

/**
 * A Redis key prefix of the test file's own, the environment switches that
 * make the store use it, and a clean-up of every key written under it.
 */
export function testRedis(label: string) {
  const base = `klelite-test-${label}-${process.pid}-${Date.now()}`
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true })
  return {
    base,
    client,
    env: { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `${base}:` },
    async cleanUp() {
      // BullMQ puts its own "bull:" before our queue names.
      const keys = await client.keys(`*${base}*`)
      if (keys.length) {
        await client.del(...keys)
      }
      await client.quit()
    },
  }
}

/** A sale item as the admin API returns it. */
export type AdminSaleItem = {
  id: string
  variant_id: string
  units_allocated: number
  units_sold: number
  units_reserved: number
  units_left: number
  per_customer_limit: number
}

/** A sale as the admin API returns it. */
export type AdminSale = {
  id: string
  title: string
  status: string
  starts_at: string
  ends_at: string
  items: AdminSaleItem[]
}

/** The HTTP status of a request, whether it succeeded or not. */
export function statusOf(promise: Promise<unknown>): Promise<number> {
  return promise.then(
    () => 200,
    (error: { response?: { status: number } }) => {
      if (!error.response) {
        throw error
      }
      return error.response.status
    }
  )
}

/** The status and body of a request that may fail. */
export async function attempt<T = Record<string, unknown>>(
  promise: Promise<{ status: number; data: T; headers: unknown }>
): Promise<{ status: number; data: T; headers: Record<string, string> }> {
  try {
    const { status, data, headers } = await promise
    return { status, data, headers: headers as Record<string, string> }
  } catch (error) {
    const { response } = error as {
      response?: { status: number; data: T; headers: Record<string, string> }
    }
    if (!response) {
      throw error
    }
    return response
  }
}

/** Test helpers bound to one store. */
export function flashSaleHelpers(
  api: AxiosInstance,
  storeHeaders: () => StoreHeaders,
  adminHeaders: () => StoreHeaders
) {
  let registered = 0

  /** The id of the `index`-th variant of the product with `handle`. */
  async function variantOf(handle: string, index = 0): Promise<string> {
    const { data } = await api.get(
      `/store/products?handle=${handle}&fields=*variants`,
      { headers: storeHeaders() }
    )
    return data.products[0].variants[index].id
  }

  /** Defines a sale that started a minute ago, through the admin API. */
  async function createSale(
    items: {
      variant_id: string
      units_allocated: number
      per_customer_limit?: number
      prices?: Record<string, number>
    }[],
    window: { startsInMs?: number; endsInMs?: number } = {}
  ) {
    const now = Date.now()
    const { data } = await api.post(
      "/admin/flash-sales",
      {
        title: `Flash sale ${now}`,
        starts_at: new Date(now + (window.startsInMs ?? -60_000)).toISOString(),
        ends_at: new Date(now + (window.endsInMs ?? 3_600_000)).toISOString(),
        items: items.map((item) => ({
          per_customer_limit: 2,
          prices: { eur: 12.5, usd: 14 },
          ...item,
        })),
      },
      { headers: adminHeaders() }
    )
    return data.flash_sale as AdminSale
  }

  /** The sale's items as the admin sees them now. */
  async function saleItems(saleId: string): Promise<AdminSaleItem[]> {
    const { data } = await api.get(`/admin/flash-sales/${saleId}`, {
      headers: adminHeaders(),
    })
    return data.flash_sale.items
  }

  /** Registers a new customer and returns their store headers and id. */
  async function register(label = "shopper") {
    registered += 1
    const email = `${label}-${registered}-${Date.now()}@example.com`
    const { data: auth } = await api.post("/auth/customer/emailpass/register", {
      email,
      password: "secret-pass",
    })
    const { data } = await api.post(
      "/store/customers",
      { email, first_name: "Flash", last_name: "Shopper" },
      { headers: { ...storeHeaders(), authorization: `Bearer ${auth.token}` } }
    )
    const headers = {
      ...storeHeaders(),
      ...(await login(api, "customer", email, "secret-pass")),
    }
    return { headers, id: data.customer.id as string, email }
  }

  /** An empty cart of the customer in the region with `currency`. */
  async function openCart(headers: StoreHeaders, currency = "eur") {
    const { data: regions } = await api.get("/store/regions", { headers })
    const region = regions.regions.find(
      (r: { currency_code: string }) => r.currency_code === currency
    )
    const { data } = await api.post(
      "/store/carts",
      { region_id: region.id },
      { headers }
    )
    return data.cart.id as string
  }

  /** Reserves `quantity` of a sale item into the cart. */
  function reserve(
    headers: StoreHeaders,
    saleId: string,
    body: Record<string, unknown>
  ) {
    return api.post(`/store/flash-sales/${saleId}/reservations`, body, {
      headers,
    })
  }

  /** Gives the cart addresses and courier delivery, ready to pay. */
  async function readyForPayment(headers: StoreHeaders, cartId: string) {
    await api.post(
      `/store/carts/${cartId}`,
      { shipping_address: PARIS_ADDRESS, billing_address: PARIS_ADDRESS },
      { headers }
    )
    const { data } = await api.get(
      `/store/shipping-options?cart_id=${cartId}`,
      { headers }
    )
    const courier = data.shipping_options.find(
      (option: { name: string }) => option.name === "Courier delivery"
    )
    await api.post(
      `/store/carts/${cartId}/shipping-methods`,
      { option_id: courier.id },
      { headers }
    )
  }

  /** The customer's cart lines. */
  async function cartLines(headers: StoreHeaders, cartId: string) {
    const { data } = await api.get(
      `/store/carts/${cartId}?fields=items.id,items.quantity,items.unit_price,items.metadata`,
      { headers }
    )
    return data.cart.items as {
      id: string
      quantity: number
      unit_price: number
      metadata: Record<string, unknown> | null
    }[]
  }

  /** Opens a system-provider payment and asks to complete the cart. */
  async function pay(headers: StoreHeaders, cartId: string) {
    const { data } = await api.post(
      "/store/payment-collections",
      { cart_id: cartId },
      { headers }
    )
    await api.post(
      `/store/payment-collections/${data.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      { headers }
    )
    return await attempt(
      api.post(`/store/carts/${cartId}/complete`, {}, { headers })
    )
  }

  return {
    pay,
    variantOf,
    createSale,
    saleItems,
    register,
    openCart,
    reserve,
    readyForPayment,
    cartLines,
  }
}

/** Sets the variant's stock to 0 at every location: carts refuse it then. */
export async function emptyStockOf(
  container: MedusaContainer,
  variantId: string
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: [
      "inventory_items.inventory_item_id",
      "inventory_items.inventory.location_levels.location_id",
    ],
    filters: { id: variantId },
  })
  const link = variants[0].inventory_items![0]!
  await container.resolve(Modules.INVENTORY).updateInventoryLevels(
    link.inventory!.location_levels!.map((level) => ({
      inventory_item_id: link.inventory_item_id,
      location_id: level!.location_id,
      stocked_quantity: 0,
    }))
  )
}

/**
 * Waits, if needed, until the next minute has begun and its scheduled jobs
 * have had time to run, so a few seconds of test are not crossed by the
 * every-minute sweep.
 */
export async function awayFromMinuteBoundary(needSeconds: number) {
  const second = new Date().getSeconds()
  if (second + needSeconds < 57) {
    return
  }
  await new Promise((resolve) => setTimeout(resolve, (63 - second) * 1000))
}
