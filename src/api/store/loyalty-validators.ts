import { z } from "@medusajs/framework/zod"

/** `POST /store/carts/:id/loyalty-points` */
export const StoreApplyLoyaltyPoints = z
  .object({
    points: z
      .number({ error: "points must be a number" })
      .int("points must be a whole number")
      .positive("points must be positive")
      .max(100_000_000, "points is too large"),
  })
  .strict()
export type StoreApplyLoyaltyPointsType = z.infer<
  typeof StoreApplyLoyaltyPoints
>

/** `GET /store/customers/me/loyalty` */
export const StoreGetLoyalty = z
  .object({
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter code")
      .transform((code) => code.toLowerCase())
      .optional(),
    cart_id: z.string().min(1).optional(),
  })
  .strict()
export type StoreGetLoyaltyType = z.infer<typeof StoreGetLoyalty>

/** `GET /store/customers/me/loyalty/entries` */
export const StoreListLoyaltyEntries = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreListLoyaltyEntriesType = z.infer<
  typeof StoreListLoyaltyEntries
>
