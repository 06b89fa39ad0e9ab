import { z } from "@medusajs/framework/zod"

/** `GET /admin/search/queries` */
export const AdminSearchQueries = z
  .object({
    days: z.coerce.number().int().min(1).max(365).default(30),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
export type AdminSearchQueriesType = z.infer<typeof AdminSearchQueries>
