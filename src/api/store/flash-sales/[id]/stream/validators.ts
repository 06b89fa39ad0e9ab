import { z } from "@medusajs/framework/zod"
import { lastEventIdQuery } from "../../../../utils/last-event-id-query"

/** `GET /store/flash-sales/:id/stream` */
export const StoreFlashSaleStream = z.object(lastEventIdQuery).strict()
export type StoreFlashSaleStreamType = z.infer<typeof StoreFlashSaleStream>
