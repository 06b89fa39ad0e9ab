import { z } from "@medusajs/framework/zod"

const id = (field: string) =>
  z
    .string({ error: `${field} must be an id` })
    .trim()
    .min(1, `${field} must be an id`)
    .max(100)

/** `POST /admin/legacy-migration/stage-2/runs`: every field is optional. */
export const AdminStartLegacyStage2 = z
  .object({
    batch_size: z
      .number({ error: "batch_size must be a whole number from 1 to 1000" })
      .int("batch_size must be a whole number from 1 to 1000")
      .min(1, "batch_size must be a whole number from 1 to 1000")
      .max(1000, "batch_size must be a whole number from 1 to 1000")
      .optional(),
    currency_code: z
      .string({ error: "currency_code must be a three-letter currency code" })
      .regex(
        /^[a-zA-Z]{3}$/,
        "currency_code must be a three-letter currency code"
      )
      .optional(),
    sales_channel_id: id("sales_channel_id").optional(),
    stock_location_id: id("stock_location_id").optional(),
    rebuild_search: z
      .boolean({ error: "rebuild_search must be true or false" })
      .optional(),
  })
  .strict()
export type AdminStartLegacyStage2Type = z.infer<typeof AdminStartLegacyStage2>

/** `GET /admin/legacy-migration/stage-2/runs` */
export const AdminListLegacyStage2Runs = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListLegacyStage2RunsType = z.infer<
  typeof AdminListLegacyStage2Runs
>
