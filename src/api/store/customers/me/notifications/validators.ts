import { z } from "@medusajs/framework/zod"
import { lastEventIdQuery } from "../../../../utils/last-event-id-query"

/** `GET /store/customers/me/notifications/stream` */
export const StoreNotificationStream = z
  .object({
    channel: z.string().max(100).optional(),
    ...lastEventIdQuery,
  })
  .strict()
export type StoreNotificationStreamType = z.infer<
  typeof StoreNotificationStream
>
