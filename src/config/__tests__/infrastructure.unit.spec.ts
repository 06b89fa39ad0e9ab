import { Modules } from "@medusajs/framework/utils"
import { infrastructureModules, notificationProviders } from "../infrastructure"

function byKey(env: Parameters<typeof infrastructureModules>[0]) {
  return Object.fromEntries(
    infrastructureModules(env).map((entry) => [entry.key, entry])
  )
}

describe("infrastructureModules", () => {
  it("uses in-memory modules, in-memory caching and PostgreSQL locks without REDIS_URL", () => {
    const modules = byKey({})
    expect(modules[Modules.EVENT_BUS].resolve).toEqual(
      "@medusajs/medusa/event-bus-local"
    )
    expect(modules[Modules.WORKFLOW_ENGINE].resolve).toEqual(
      "@medusajs/medusa/workflow-engine-inmemory"
    )
    expect(modules[Modules.CACHING].options).toEqual({
      in_memory: { enable: true },
    })
    expect(modules[Modules.LOCKING].options).toEqual({
      providers: [
        expect.objectContaining({
          resolve: "@medusajs/medusa/locking-postgres",
        }),
      ],
    })
  })

  it("switches every infrastructure module to Redis when REDIS_URL is set", () => {
    const redisUrl = "redis://cache.internal:6379"
    const modules = byKey({ REDIS_URL: redisUrl, REDIS_PREFIX: "shop1:" })
    expect(modules[Modules.EVENT_BUS]).toEqual(
      expect.objectContaining({
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl, queueName: "shop1-events" },
      })
    )
    expect(modules[Modules.WORKFLOW_ENGINE].options).toEqual({
      redis: {
        redisUrl,
        queueName: "shop1-workflows",
        jobQueueName: "shop1-workflow-jobs",
      },
    })
    const caching = modules[Modules.CACHING].options as {
      providers: { resolve: string; options: { redisUrl: string } }[]
    }
    expect(caching.providers[0].resolve).toEqual(
      "@medusajs/medusa/caching-redis"
    )
    expect(caching.providers[0].options.redisUrl).toEqual(redisUrl)
    const locking = modules[Modules.LOCKING].options as {
      providers: { resolve: string }[]
    }
    expect(locking.providers[0].resolve).toEqual(
      "@medusajs/medusa/locking-redis"
    )
  })

  it("adds the Stripe provider only when STRIPE_API_KEY is set", () => {
    expect(byKey({})[Modules.PAYMENT].options).toEqual({ providers: [] })
    const withStripe = byKey({ STRIPE_API_KEY: "sk_test_123" })[Modules.PAYMENT]
      .options as { providers: { resolve: string; id: string }[] }
    expect(withStripe.providers).toEqual([
      expect.objectContaining({
        resolve: "@medusajs/medusa/payment-stripe",
        id: "stripe",
        options: expect.objectContaining({ apiKey: "sk_test_123" }),
      }),
    ])
  })

  it("sends emails through SMTP only when SMTP_URL is set, the feed stays local", () => {
    expect(notificationProviders({})).toEqual([
      expect.objectContaining({
        id: "local",
        options: expect.objectContaining({ channels: ["feed", "email"] }),
      }),
    ])
    const url = "smtps://mailer:secret@smtp.example.com:465"
    const [local, smtp] = notificationProviders({
      SMTP_URL: url,
      SMTP_FROM: "Shop <shop@example.com>",
    })
    expect(local.options.channels).toEqual(["feed"])
    expect(smtp).toEqual({
      resolve: "./src/modules/notification-smtp",
      id: "smtp",
      options: { channels: ["email"], url, from: "Shop <shop@example.com>" },
    })
  })
})
