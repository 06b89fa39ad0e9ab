import { z } from "@medusajs/framework/zod"
import { FLASH_SALE_STATUSES } from "../../../modules/flash-sale"
import { idField, pricesField, wholeNumberField } from "./item-fields"

const dateTime = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z",
})

const unitsAllocated = wholeNumberField("units_allocated", 1, 1_000_000)

const perCustomerLimit = wholeNumberField("per_customer_limit", 1, 1000)

const endsAfterStart = (sale: { starts_at?: string; ends_at?: string }) =>
  !sale.starts_at ||
  !sale.ends_at ||
  new Date(sale.ends_at) > new Date(sale.starts_at)

const WINDOW_ERROR = {
  message: "ends_at must be after starts_at",
  path: ["ends_at"],
}

/** `POST /admin/flash-sales` */
export const AdminCreateFlashSale = z
  .object({
    title: z.string().trim().min(1).max(200),
    starts_at: dateTime,
    ends_at: dateTime,
    status: z.enum(["draft", "scheduled"]).optional(),
    items: z
      .array(
        z
          .object({
            variant_id: idField("variant_id"),
            prices: pricesField,
            units_allocated: unitsAllocated,
            per_customer_limit: perCustomerLimit,
          })
          .strict()
      )
      .min(1)
      .max(100)
      .refine(
        (items) =>
          new Set(items.map(({ variant_id }) => variant_id)).size ===
          items.length,
        { message: "Each variant can appear once in a sale" }
      ),
  })
  .strict()
  .refine(endsAfterStart, WINDOW_ERROR)
export type AdminCreateFlashSaleType = z.infer<typeof AdminCreateFlashSale>

/**
 * `POST /admin/flash-sales/:id`. Item `prices` merge: a currency not named
 * keeps its price.
 */
export const AdminUpdateFlashSale = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    starts_at: dateTime.optional(),
    ends_at: dateTime.optional(),
    items: z
      .array(
        z
          .object({
            id: idField("id"),
            prices: pricesField.optional(),
            units_allocated: unitsAllocated.optional(),
            per_customer_limit: perCustomerLimit.optional(),
          })
          .strict()
      )
      .max(100)
      .optional(),
  })
  .strict()
  .refine(endsAfterStart, WINDOW_ERROR)
export type AdminUpdateFlashSaleType = z.infer<typeof AdminUpdateFlashSale>

const oneOrMany = z
  .union([z.string().min(1), z.array(z.string().min(1)).max(100)])
  .transform((value) => (Array.isArray(value) ? value : [value]))

/** `GET /admin/flash-sales` */
export const AdminListFlashSales = z
  .object({
    status: z
      .union([
        z.enum(FLASH_SALE_STATUSES),
        z.array(z.enum(FLASH_SALE_STATUSES)),
      ])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional(),
    variant_id: oneOrMany.optional(),
    product_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListFlashSalesType = z.infer<typeof AdminListFlashSales>

/** `GET /admin/flash-sales/:id` */
export const AdminGetFlashSale = z.object({}).strict()
