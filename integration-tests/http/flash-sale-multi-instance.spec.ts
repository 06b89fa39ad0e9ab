import { execFileSync, spawn } from "child_process"
import path from "path"
import { testRedis } from "../utils/flash-sale"
import {
  freePort,
  freshEnv,
  startStore,
  waitForHttp,
  type StartedStore,
} from "../utils/start-process"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(4 * 60 * 1000)

const ADMIN_DB_URL = `postgres://${process.env.DB_USERNAME || "postgres"}@${
  process.env.DB_HOST || "localhost"
}:5432/postgres`
const redis = testRedis("flash-multi")
const DB_NAME = redis.base.replace(/-/g, "_")

const ROOT = path.resolve(__dirname, "../..")

/** `medusa start` on a database another instance has migrated and seeded. */
function startServer(env: Record<string, string>): StartedStore {
  const child = spawn(
    process.execPath,
    [require.resolve("@medusajs/cli/cli.js"), "start", "--port", env.PORT],
    {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    }
  )
  let output = ""
  child.stdout?.on("data", (chunk) => (output += chunk.toString()))
  child.stderr?.on("data", (chunk) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => resolve(code))
  )
  return { child, output: () => output, exited }
}

type SaleItem = { id: string; units_reserved: number; units_left: number }
type Sale = { id: string; items: SaleItem[] }

/** Two `npm start` servers on one database and one Redis. */
describe("flash sales served by two instances at once", () => {
  const stores: StartedStore[] = []
  const urls: string[] = []
  let publishableKey = ""

  async function call<T = Record<string, unknown>>(
    instance: number,
    method: string,
    path: string,
    { body, token }: { body?: unknown; token?: string } = {}
  ): Promise<{ status: number; data: T }> {
    const response = await fetch(`${urls[instance % 2]}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": publishableKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, data: (await response.json()) as T }
  }

  async function token(instance: number, actor: string, email: string) {
    const { data } = await call<{ token: string }>(
      instance,
      "POST",
      `/auth/${actor}/emailpass`,
      {
        body: { email, password: actor === "user" ? "klelite-admin" : "pass" },
      }
    )
    return data.token
  }

  async function registerShopper(instance: number, n: number) {
    const email = `multi-${n}-${Date.now()}@example.com`
    const { data } = await call<{ token: string }>(
      instance,
      "POST",
      "/auth/customer/emailpass/register",
      { body: { email, password: "pass" } }
    )
    await call(instance, "POST", "/store/customers", {
      token: data.token,
      body: { email, first_name: "Multi", last_name: "Shopper" },
    })
    const customerToken = await token(instance, "customer", email)
    const { data: regions } = await call<{
      regions: { id: string; currency_code: string }[]
    }>(instance, "GET", "/store/regions")
    const europe = regions.regions.find(
      (region) => region.currency_code === "eur"
    )
    const { data: cart } = await call<{ cart: { id: string } }>(
      instance,
      "POST",
      "/store/carts",
      {
        token: customerToken,
        body: { region_id: europe?.id },
      }
    )
    return { token: customerToken, cartId: cart.cart.id }
  }

  beforeAll(async () => {
    execFileSync("psql", [ADMIN_DB_URL, "-qc", `CREATE DATABASE "${DB_NAME}"`])
    const shared = {
      DATABASE_URL: ADMIN_DB_URL.replace(/\/postgres$/, `/${DB_NAME}`),
      ...redis.env,
      DISABLE_MEDUSA_ADMIN: "true",
      LOG_LEVEL: "error",
    }
    for (let i = 0; i < 2; i++) {
      urls.push(`http://localhost:${await freePort()}`)
    }
    const envOf = (i: number) =>
      freshEnv({ ...shared, PORT: new URL(urls[i]).port })
    stores.push(startStore(envOf(0)))
    // The second instance starts once the first has migrated and seeded.
    await waitFor(async () => /Publishable key/.test(stores[0].output()), {
      timeoutMs: 150_000,
      intervalMs: 250,
      what: "the first instance to seed the store",
    })
    publishableKey = stores[0].output().match(/(pk_\w+)/)?.[1] ?? ""
    stores.push(startServer(envOf(1)))
    await Promise.all(
      stores.map((store, i) => waitForHttp(`${urls[i]}/health`, store, 150_000))
    )
  })

  afterAll(async () => {
    for (const store of stores) {
      store.child.kill("SIGTERM")
    }
    await Promise.all(stores.map((store) => store.exited))
    execFileSync("psql", [
      ADMIN_DB_URL,
      "-qc",
      `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`,
    ])
    await redis.cleanUp()
  })

  it("never oversells an item when shoppers rush both instances, and limits attempts across them", async () => {
    const adminToken = await token(0, "user", "admin@klelite.local")
    const { data: products } = await call<{
      products: { variants: { id: string }[] }[]
    }>(1, "GET", "/store/products?handle=tarte-tatin&fields=*variants")
    const { status, data: created } = await call<{ flash_sale: Sale }>(
      0,
      "POST",
      "/admin/flash-sales",
      {
        token: adminToken,
        body: {
          title: "Two-instance rush",
          starts_at: new Date(Date.now() - 60_000).toISOString(),
          ends_at: new Date(Date.now() + 3_600_000).toISOString(),
          items: [
            {
              variant_id: products.products[0].variants[0].id,
              prices: { eur: 9.5 },
              units_allocated: 5,
              per_customer_limit: 1,
            },
          ],
        },
      }
    )
    expect(status).toEqual(201)
    const sale = created.flash_sale
    const itemId = sale.items[0].id

    const shoppers = await Promise.all(
      Array.from({ length: 12 }, (_, n) => registerShopper(n, n))
    )
    // Each shopper tries twice, once on each instance, all at the same time.
    const attempts = await Promise.all(
      shoppers.flatMap((shopper, n) =>
        [0, 1].map((instance) =>
          call(
            n + instance,
            "POST",
            `/store/flash-sales/${sale.id}/reservations`,
            {
              token: shopper.token,
              body: { item_id: itemId, quantity: 1, cart_id: shopper.cartId },
            }
          )
        )
      )
    )
    const admitted = attempts.filter(({ status }) => status === 201)
    const refusals = attempts
      .filter(({ status }) => status !== 201)
      .map(({ status, data }) => `${status} ${data.message}`)
    expect({ admitted: admitted.length, refusals }).toEqual({
      admitted: 5,
      refusals: Array(19).fill(expect.stringMatching(/^400 /)),
    })

    for (const instance of [0, 1]) {
      const { data } = await call<{ flash_sale: Sale }>(
        instance,
        "GET",
        `/admin/flash-sales/${sale.id}`,
        { token: adminToken }
      )
      expect(data.flash_sale.items[0]).toEqual(
        expect.objectContaining({ units_reserved: 5, units_left: 0 })
      )
    }

    // Four more attempts (six in all), alternating instances: the sixth is refused.
    const [shopper] = shoppers
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const { status: answer } = await call(
        i,
        "POST",
        `/store/flash-sales/${sale.id}/reservations`,
        {
          token: shopper.token,
          body: { item_id: itemId, quantity: 1, cart_id: shopper.cartId },
        }
      )
      statuses.push(answer)
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400])
    expect(statuses[3]).toEqual(429)
  })
})
