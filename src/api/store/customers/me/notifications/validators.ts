import { z } from "@medusajs/framework/zod"

const eventId = z
  .string()
  .regex(
    /^\d{1,16}-\d{1,16}$/,
    "last_event_id must be an event id such as 1718000000000-0"
  )

/** `GET /store/customers/me/notifications/stream` */
export const StoreNotificationStream = z
  .object({
    channel: z.string().max(100).optional(),
    last_event_id: eventId.optional(),
  })
  .strict()
export type StoreNotificationStreamType = z.infer<
  typeof StoreNotificationStream
>
