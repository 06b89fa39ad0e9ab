import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { CreateNotificationDTO, Logger } from "@medusajs/framework/types"
import Redis from "ioredis"
import EmailQueueModuleService, { type EmailSender } from "../service"
import type { EmailJobInput, EmailQueueModuleOptions } from "../types"

jest.setTimeout(30_000)

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const BASE = `klelite-test-email-${process.pid}-${Date.now()}`

/**
 * A notification module whose sends fail `failures` times first. Like
 * Medusa's, it records each attempt under its idempotency key and cannot
 * record a second attempt under a key already used.
 */
function fakeNotifications(failures = 0) {
  const sent: CreateNotificationDTO[] = []
  const records = new Map<string, { id: string; status: string }>()
  let calls = 0
  const createNotifications = jest.fn(async (data: CreateNotificationDTO) => {
    calls += 1
    const key = data.idempotency_key ?? `call-${calls}`
    if (records.has(key)) {
      throw new Error(`Notification key ${key} already used`)
    }
    const record = { id: `noti_${calls}`, status: "pending" }
    records.set(key, record)
    if (calls <= failures) {
      record.status = "failure"
      throw new Error(`provider down (call ${calls})`)
    }
    record.status = "success"
    sent.push(data)
    return {}
  })
  const module: EmailSender = {
    createNotifications,
    listNotifications: async ({ idempotency_key }) => {
      const record = records.get(idempotency_key)
      return record ? [record] : []
    },
    updateNotifications: async ({ id, idempotency_key }) => {
      const entry = [...records].find(([, record]) => record.id === id)
      if (entry) {
        records.delete(entry[0])
        records.set(idempotency_key, entry[1])
      }
      return {}
    },
  }
  return { module, sent, calls: () => calls, records }
}

const logger: Pick<Logger, "info" | "warn" | "error"> = {
  info: jest.fn(),
  warn: jest.fn(),
  error: jest.fn(),
}

const order: EmailJobInput = {
  event: "order.placed:order_1",
  to: "Camille@Example.com",
  template: "order-confirmation",
  data: {
    display_id: 12,
    customer_name: "Camille <b>",
    currency_code: "eur",
    total: 42.5,
    items: [{ title: "Paris-Brest", quantity: 2 }],
  },
}

async function waitUntil(check: () => boolean | Promise<boolean>, ms = 10000) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error("timed out")
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe("email queue", () => {
  const services: EmailQueueModuleService[] = []
  let queueCount = 0

  function queue(failures = 0, options: EmailQueueModuleOptions = {}) {
    const notifications = fakeNotifications(failures)
    const service = new EmailQueueModuleService(
      {
        logger,
        [Modules.NOTIFICATION]: notifications.module,
      },
      {
        redisUrl: REDIS_URL,
        queueName: `${BASE}-${++queueCount}`,
        backoffMs: 20,
        ...options,
      }
    )
    services.push(service)
    return { service, ...notifications }
  }

  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.close()))
  })

  afterAll(async () => {
    const redis = new Redis(REDIS_URL)
    const keys = await redis.keys(`*${BASE}*`)
    if (keys.length) {
      await redis.del(...keys)
    }
    await redis.quit()
  })

  it("sends exactly one email when the provider fails twice then succeeds", async () => {
    const { service, sent, calls } = queue(2)
    service.startWorker()
    const [queued] = await service.enqueue([order])
    expect(queued).toEqual({
      id: "order.placed.order_1|camille@example.com|order-confirmation",
      created: true,
    })

    await waitUntil(
      async () => (await service.listJobs("completed")).count === 1
    )
    expect(calls()).toEqual(3)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      to: "Camille@Example.com",
      channel: "email",
      template: "order-confirmation",
      idempotency_key: queued.id,
      content: {
        subject: "Your Klelite order #12 is confirmed",
      },
    })
    expect(sent[0].content?.html).toContain("Camille &lt;b&gt;")
    const { jobs } = await service.listJobs("completed")
    expect(jobs[0]).toMatchObject({ id: queued.id, attempts_made: 3 })
  })

  it("sends one email when the same event is delivered twice, even at once", async () => {
    const { service, sent } = queue()
    const first = await service.enqueue([order])
    const repeats = await Promise.all([
      service.enqueue([order]),
      service.enqueue([{ ...order, to: "camille@example.com" }]),
    ])
    service.startWorker()
    await waitUntil(
      async () => (await service.listJobs("completed")).count >= 1
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sent).toHaveLength(1)
    expect(first[0].created).toBe(true)
    expect(repeats.flat().every(({ created }) => !created)).toBe(true)
    // Sent and kept: a late repeat is still recognised.
    expect((await service.enqueue([order]))[0].created).toBe(false)
  })

  it("keeps a job that failed every attempt, lists it and retries it with a fresh round of attempts", async () => {
    const { service, sent, calls } = queue(6, { attempts: 5 })
    service.startWorker()
    const [queued] = await service.enqueue([order])
    await waitUntil(async () => (await service.listJobs("failed")).count === 1)
    expect(calls()).toEqual(5)
    const { jobs } = await service.listJobs("failed")
    expect(jobs[0]).toMatchObject({
      id: queued.id,
      status: "failed",
      attempts_made: 5,
      failed_reason: "provider down (call 5)",
    })

    // The provider fails once more: the retried job backs off and sends.
    await service.retryJob(queued.id)
    await waitUntil(
      async () => (await service.listJobs("completed")).count === 1
    )
    expect(calls()).toEqual(7)
    expect(sent).toHaveLength(1)
    const completed = await service.listJobs("completed")
    expect(completed.jobs[0]).toMatchObject({ id: queued.id, attempts_made: 2 })

    await expect(service.retryJob(queued.id)).rejects.toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
    })
    await expect(service.retryJob("nope")).rejects.toMatchObject({
      type: MedusaError.Types.NOT_FOUND,
    })
  })

  it("retries a failed job once when two admins retry it at the same time", async () => {
    const { service } = queue(10, { attempts: 1 })
    service.startWorker()
    const [queued] = await service.enqueue([order])
    await waitUntil(async () => (await service.listJobs("failed")).count === 1)

    const results = await Promise.allSettled([
      service.retryJob(queued.id),
      service.retryJob(queued.id),
    ])
    expect(results.map(({ status }) => status).sort()).toEqual([
      "fulfilled",
      "rejected",
    ])
    const refused = results.find(
      (result): result is PromiseRejectedResult => result.status === "rejected"
    )
    expect(refused?.reason).toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
      message: expect.stringContaining("only failed jobs can be retried"),
    })
  })

  it("reports an unreachable Redis as unhealthy without waiting for it", async () => {
    const { service } = queue(0, { redisUrl: "redis://127.0.0.1:1" })
    const started = Date.now()
    const health = await service.health()
    expect(health).toMatchObject({ ok: false, mode: "queue" })
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it("sends inline once without Redis and says the queue is off", async () => {
    const { service, sent } = queue(0, { redisUrl: undefined })
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining("Email queue disabled")
    )
    await service.enqueue([order])
    await service.enqueue([order])
    expect(sent).toHaveLength(1)
    expect(await service.health()).toEqual({ ok: true, mode: "inline" })
    expect(await service.listJobs("failed")).toEqual({ jobs: [], count: 0 })
  })

  it("refuses bad options at construction", () => {
    expect(() => queue(0, { queueName: "a:b" })).toThrow(/queueName/)
    expect(() => queue(0, { attempts: 0 })).toThrow(/attempts/)
  })
})
