import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"
import Redis from "ioredis"
import {
  EMAIL_QUEUE_MODULE,
  type EmailJobInput,
  type EmailQueueModuleService,
} from "../../src/modules/email-queue"
import { ensureAdminUser } from "../../src/scripts/seed/admin-user"

import { waitFor } from "../utils/wait-for"
import { loginAdmin } from "../utils/seeded-store"

jest.setTimeout(300 * 1000)

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const REDIS_BASE = `klelite-test-email-${process.pid}-${Date.now()}`
const switches = {
  REDIS_URL,
  REDIS_PREFIX: `${REDIS_BASE}:`,
  EMAIL_BACKOFF_MS: "20",
}
Object.assign(process.env, switches)

type Headers = Record<string, string>

function email(event: string, to: string): EmailJobInput {
  return {
    event,
    to,
    template: "points-expiring",
    data: { points: 120, expires_at: "2027-01-31T00:00:00.000Z" },
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: switches,
  testSuite: ({ api, getContainer }) => {
    let admin: Headers

    const queue = () =>
      getContainer().resolve<EmailQueueModuleService>(EMAIL_QUEUE_MODULE)
    const notifications = () =>
      getContainer().resolve<INotificationModuleService>(Modules.NOTIFICATION)

    /** Makes the provider fail `times` times, then send normally. */
    function failNext(times: number) {
      const module = notifications()
      const original = module.createNotifications.bind(module)
      let calls = 0
      return jest
        .spyOn(module, "createNotifications")
        .mockImplementation(async (...args: Parameters<typeof original>) => {
          calls += 1
          if (calls <= times) {
            throw new Error(`SMTP unavailable (${calls})`)
          }
          return await original(...args)
        })
    }

    const sentTo = async (to: string) =>
      await notifications().listNotifications({ to, channel: "email" })

    const status = (promise: Promise<unknown>) =>
      promise.then(
        (response) => (response as { status: number }).status,
        (error: { response: { status: number } }) => error.response.status
      )

    beforeAll(async () => {
      await ensureAdminUser(getContainer())
    })

    beforeEach(async () => {
      admin = await loginAdmin(api)
    })

    afterEach(() => {
      jest.restoreAllMocks()
    })

    afterAll(async () => {
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys(`*${REDIS_BASE}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    })

    it("sends exactly one email when the provider fails twice then succeeds", async () => {
      const spy = failNext(2)
      await queue().enqueue([email("test.flaky:1", "flaky@example.com")])
      await waitFor(
        async () =>
          (await sentTo("flaky@example.com"))[0]?.status === "success",
        { what: "the email to be sent" }
      )
      expect(spy).toHaveBeenCalledTimes(3)
      expect(await sentTo("flaky@example.com")).toHaveLength(1)
    })

    it("lists failed jobs for admins and retries one on demand", async () => {
      expect(await status(api.get("/admin/notifications/email-jobs"))).toEqual(
        401
      )
      expect(
        await status(
          api.get("/admin/notifications/email-jobs?status=bogus", {
            headers: admin,
          })
        )
      ).toEqual(400)

      failNext(5)
      const [{ id }] = await queue().enqueue([
        email("test.down:1", "down@example.com"),
      ])
      const failed = await waitFor(
        async () => {
          const { data } = await api.get(
            "/admin/notifications/email-jobs?status=failed",
            { headers: admin }
          )
          return data.email_jobs.find((job: { id: string }) => job.id === id)
        },
        { what: "the failed job" }
      )
      expect(failed).toMatchObject({
        status: "failed",
        attempts_made: 5,
        template: "points-expiring",
        failed_reason: expect.stringContaining("SMTP unavailable (5)"),
      })
      jest.restoreAllMocks()

      const retryUrl = `/admin/notifications/email-jobs/${encodeURIComponent(id)}/retry`
      const { data } = await api.post(retryUrl, {}, { headers: admin })
      expect(data.email_job).toMatchObject({ id, status: "waiting" })
      await waitFor(
        async () => (await sentTo("down@example.com"))[0]?.status === "success",
        { what: "the retried email" }
      )
      expect(await status(api.post(retryUrl, {}, { headers: admin }))).toEqual(
        400
      )
      expect(
        await status(
          api.post(
            "/admin/notifications/email-jobs/nope/retry",
            {},
            { headers: admin }
          )
        )
      ).toEqual(404)
      expect(
        await status(api.post(retryUrl, { now: true }, { headers: admin }))
      ).toEqual(400)
    })
  },
})
