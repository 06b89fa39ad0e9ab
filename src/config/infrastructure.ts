import { Modules } from "@medusajs/framework/utils"

/** The environment variables that switch our infrastructure. */
export type InfrastructureEnv = {
  REDIS_URL?: string
  REDIS_PREFIX?: string
  STRIPE_API_KEY?: string
  STRIPE_WEBHOOK_SECRET?: string
  SMTP_URL?: string
  SMTP_FROM?: string
}

type ModuleEntry = {
  key: string
  resolve: string
  options?: Record<string, unknown>
}

/** The key prefix shared by every Redis structure this store creates. */
export function redisPrefix(env: InfrastructureEnv): string {
  return env.REDIS_PREFIX || "klelite:"
}

/** BullMQ refuses ":" in queue names, so queues use the prefix with dashes. */
export function queueName(env: InfrastructureEnv, name: string): string {
  const base = redisPrefix(env).replace(/:+$/, "").replace(/:/g, "-")
  return `${base}-${name}`
}

/**
 * Medusa's infrastructure modules for the given environment: the Redis ones
 * when `REDIS_URL` is set, otherwise in-memory ones with a PostgreSQL lock
 * provider so several instances sharing one database still lock correctly.
 */
export function infrastructureModules(env: InfrastructureEnv): ModuleEntry[] {
  const redisUrl = env.REDIS_URL
  const prefix = redisPrefix(env)

  const modules: ModuleEntry[] = redisUrl
    ? [
        {
          key: Modules.EVENT_BUS,
          resolve: "@medusajs/medusa/event-bus-redis",
          options: { redisUrl, queueName: queueName(env, "events") },
        },
        {
          key: Modules.WORKFLOW_ENGINE,
          resolve: "@medusajs/medusa/workflow-engine-redis",
          options: {
            redis: {
              redisUrl,
              queueName: queueName(env, "workflows"),
              jobQueueName: queueName(env, "workflow-jobs"),
            },
          },
        },
        {
          key: Modules.CACHING,
          resolve: "@medusajs/medusa/caching",
          options: {
            providers: [
              {
                resolve: "@medusajs/medusa/caching-redis",
                id: "caching-redis",
                is_default: true,
                options: { redisUrl, prefix: `${prefix}cache:` },
              },
            ],
          },
        },
        {
          key: Modules.LOCKING,
          resolve: "@medusajs/medusa/locking",
          options: {
            providers: [
              {
                resolve: "@medusajs/medusa/locking-redis",
                id: "locking-redis",
                is_default: true,
                options: { redisUrl, namespace: `${prefix}lock:` },
              },
            ],
          },
        },
      ]
    : [
        {
          key: Modules.EVENT_BUS,
          resolve: "@medusajs/medusa/event-bus-local",
        },
        {
          key: Modules.WORKFLOW_ENGINE,
          resolve: "@medusajs/medusa/workflow-engine-inmemory",
        },
        {
          key: Modules.CACHING,
          resolve: "@medusajs/medusa/caching",
          options: { in_memory: { enable: true } },
        },
        {
          key: Modules.LOCKING,
          resolve: "@medusajs/medusa/locking",
          options: {
            providers: [
              {
                resolve: "@medusajs/medusa/locking-postgres",
                id: "locking-postgres",
                is_default: true,
              },
            ],
          },
        },
      ]

  modules.push({
    key: Modules.PAYMENT,
    resolve: "@medusajs/medusa/payment",
    options: { providers: paymentProviders(env) },
  })

  return modules
}

/** Stripe joins the always-present system provider when a key is set. */
export function paymentProviders(env: InfrastructureEnv) {
  if (!env.STRIPE_API_KEY) {
    return []
  }
  return [
    {
      resolve: "@medusajs/medusa/payment-stripe",
      id: "stripe",
      options: {
        apiKey: env.STRIPE_API_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      },
    },
  ]
}

/**
 * Notification providers: the local one logs every channel; with `SMTP_URL`
 * emails go through our SMTP provider instead and the local one keeps the
 * admin feed. The Notification Module allows one provider per channel.
 */
export function notificationProviders(env: InfrastructureEnv) {
  const local = (channels: string[]) => ({
    resolve: "@medusajs/medusa/notification-local",
    id: "local",
    options: { name: "Local Notification Provider", channels },
  })
  if (!env.SMTP_URL) {
    return [local(["feed", "email"])]
  }
  return [
    local(["feed"]),
    {
      resolve: "./src/modules/notification-smtp",
      id: "smtp",
      options: {
        channels: ["email"],
        url: env.SMTP_URL,
        from: env.SMTP_FROM || undefined,
      },
    },
  ]
}
