import { z } from "@medusajs/framework/zod"

/** `POST /store/variants/:id/back-in-stock`: the customer comes from auth. */
export const StoreRequestBackInStock = z.object({}).strict()
export type StoreRequestBackInStockType = z.infer<
  typeof StoreRequestBackInStock
>
