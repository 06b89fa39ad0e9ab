import { z } from "@medusajs/framework/zod"
import { lastEventIdQuery } from "../../utils/last-event-id-query"

/** `GET /admin/notifications/stream` */
export const AdminNotificationStream = z
  .object({
    channel: z
      .string()
      .regex(
        /^(admin|(customer|flash-sale|product):[A-Za-z0-9_-]{1,64})$/,
        "channel must be admin, customer:<id>, flash-sale:<id> or product:<id>"
      )
      .default("admin"),
    ...lastEventIdQuery,
  })
  .strict()
export type AdminNotificationStreamType = z.infer<
  typeof AdminNotificationStream
>

/** `GET /admin/notifications/email-jobs` */
export const AdminListEmailJobs = z
  .object({
    status: z
      .enum(["waiting", "active", "delayed", "completed", "failed"])
      .default("failed"),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListEmailJobsType = z.infer<typeof AdminListEmailJobs>

/** `POST /admin/notifications/email-jobs/:id/retry` takes no body fields. */
export const AdminRetryEmailJob = z.object({}).strict()
export type AdminRetryEmailJobType = z.infer<typeof AdminRetryEmailJob>
