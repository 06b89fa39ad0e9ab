import { z } from "@medusajs/framework/zod"

/** `GET /store/flash-sales/:id/stream` */
export const StoreFlashSaleStream = z
  .object({
    last_event_id: z
      .string()
      .regex(
        /^\d{1,16}-\d{1,16}$/,
        "last_event_id must be an event id such as 1718000000000-0"
      )
      .optional(),
  })
  .strict()
export type StoreFlashSaleStreamType = z.infer<typeof StoreFlashSaleStream>
