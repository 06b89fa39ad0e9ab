import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { checkout } from "../utils/checkout"
import { loginAdmin, seedStore } from "../utils/seeded-store"

jest.setTimeout(3 * 60 * 1000)

const REDIS_URL = "redis://127.0.0.1:6379"
const REDIS_BASE = `klelite-test-${process.pid}-${Date.now()}`
const REDIS_PREFIX = `${REDIS_BASE}:`
const switches = {
  REDIS_URL,
  REDIS_PREFIX,
  STRIPE_API_KEY: "sk_test_dummy_key_for_boot_only",
}
Object.assign(process.env, switches)

medusaIntegrationTestRunner({
  inApp: true,
  env: switches,
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(REDIS_URL)
    let storeHeaders: Record<string, string>

    beforeAll(async () => {
      ;({ storeHeaders } = await seedStore(getContainer()))
    })

    afterAll(async () => {
      // BullMQ puts its own "bull:" before our queue names.
      const keys = await redis.keys(`*${REDIS_BASE}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    it("runs Medusa's event bus, workflow engine, caching and locking on Redis", async () => {
      const container = getContainer()
      const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      expect(config.projectConfig.redisUrl).toEqual(REDIS_URL)
      expect(container.resolve(Modules.EVENT_BUS).constructor.name).toEqual(
        "RedisEventBusService"
      )

      const locking = container.resolve(Modules.LOCKING)
      const order: string[] = []
      await Promise.all([
        locking.execute("switch-test", async () => {
          order.push("a:start")
          await new Promise((resolve) => setTimeout(resolve, 200))
          order.push("a:end")
        }),
        new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
          locking.execute("switch-test", async () => {
            order.push("b")
          })
        ),
      ])
      expect(order).toEqual(["a:start", "a:end", "b"])

      await api.get("/store/products?limit=5", { headers: storeHeaders })
      const keys = await redis.keys(`*${REDIS_BASE}*`)
      expect(keys.some((key) => key.startsWith(`${REDIS_PREFIX}cache:`))).toBe(
        true
      )
      expect(keys.some((key) => key.includes(`${REDIS_BASE}-events`))).toBe(
        true
      )
    })

    it("completes a checkout with the Redis modules", async () => {
      const { completed } = await checkout(api, storeHeaders, {
        email: "redis-guest@example.com",
      })
      expect(completed.type).toEqual("order")

      const keys = await redis.keys(`*${REDIS_BASE}*`)
      expect(keys.some((key) => key.includes(`${REDIS_BASE}-workflows`))).toBe(
        true
      )
    })

    it("offers Stripe next to the system provider when STRIPE_API_KEY is set", async () => {
      const adminHeaders = await loginAdmin(api)
      const { data } = await api.get("/admin/payments/payment-providers", {
        headers: adminHeaders,
      })
      const ids = data.payment_providers.map((p: { id: string }) => p.id)
      expect(ids).toEqual(
        expect.arrayContaining(["pp_system_default", "pp_stripe_stripe"])
      )
    })
  },
})
