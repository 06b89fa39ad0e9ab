import { z } from "@medusajs/framework/zod"

/** `POST /admin/search/indexes/:name/rebuild`: no options, always a swap. */
export const AdminRebuildSearchIndex = z.object({}).strict()
