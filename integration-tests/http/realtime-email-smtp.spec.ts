import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { execFileSync } from "child_process"
import Redis from "ioredis"
import {
  EMAIL_QUEUE_MODULE,
  type EmailJobInput,
  type EmailQueueModuleService,
} from "../../src/modules/email-queue"
import {
  startSmtpServer,
  type TestSmtpServer,
} from "../../src/modules/notification-smtp/__tests__/smtp-test-server"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(300 * 1000)

/** A port free now, so SMTP_URL is known before the app boots. */
const SMTP_PORT = Number(
  execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ]).toString()
)
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const REDIS_BASE = `klelite-test-smtp-${process.pid}-${Date.now()}`
const switches = {
  REDIS_URL,
  REDIS_PREFIX: `${REDIS_BASE}:`,
  EMAIL_BACKOFF_MS: "20",
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  SMTP_FROM: "Klelite <shop@klelite.local>",
}
Object.assign(process.env, switches)

const email: EmailJobInput = {
  event: "order.placed.order_smtp",
  to: "camille@example.com",
  template: "order-confirmation",
  data: {
    display_id: 31,
    customer_name: "Camille",
    currency_code: "eur",
    total: 18,
    items: [{ title: "Paris-Brest", quantity: 3 }],
  },
}

medusaIntegrationTestRunner({
  inApp: true,
  env: switches,
  testSuite: ({ getContainer }) => {
    let smtp: TestSmtpServer

    const queue = () =>
      getContainer().resolve<EmailQueueModuleService>(EMAIL_QUEUE_MODULE)
    const notifications = () =>
      getContainer().resolve<INotificationModuleService>(Modules.NOTIFICATION)

    beforeAll(async () => {
      // Refuses the first two deliveries with a temporary 451.
      smtp = await startSmtpServer({ port: SMTP_PORT, refuseFirst: 2 })
    })

    afterAll(async () => {
      await smtp.close()
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys(`*${REDIS_BASE}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    it("sends exactly one email through SMTP when the server refuses twice then accepts, and once for a repeated event", async () => {
      const [queued] = await queue().enqueue([email])
      expect(queued.created).toBe(true)

      await waitFor(async () => smtp.received.length === 1, {
        what: "the email to reach the SMTP server",
      })
      const completed = await waitFor(
        async () =>
          (await queue().listJobs("completed")).jobs.find(
            ({ id }) => id === queued.id
          ),
        { what: "the job to complete" }
      )
      expect(completed.attempts_made).toEqual(3)

      // The same event again, after the send: still one email.
      expect((await queue().enqueue([email]))[0].created).toBe(false)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(smtp.attempts()).toEqual(3)
      expect(smtp.received).toHaveLength(1)
      expect(smtp.received[0]).toMatchObject({
        to: ["camille@example.com"],
        from: "shop@klelite.local",
        subject: "Your Klelite order #31 is confirmed",
      })
      expect(smtp.received[0].html).toContain("3 × Paris-Brest")

      const sent = await notifications().listNotifications({
        to: "camille@example.com",
        channel: "email",
      })
      // One sent notification under the job id; the two refused attempts
      // are kept under their own keys.
      expect(sent.filter(({ status }) => status === "success")).toEqual([
        expect.objectContaining({
          provider_id: "smtp",
          idempotency_key: queued.id,
        }),
      ])
      const setAside = expect.objectContaining({
        idempotency_key: expect.stringMatching(/\|failure\|noti_/),
      })
      expect(sent.filter(({ status }) => status === "failure")).toEqual([
        setAside,
        setAside,
      ])
    })
  },
})
