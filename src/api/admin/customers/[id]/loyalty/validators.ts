import { z } from "@medusajs/framework/zod"

/** Largest change one admin adjustment may make, either way. */
export const MAX_ADJUSTMENT_POINTS = 1_000_000

/** `?limit&offset` of a customer's ledger page. */
export const AdminLoyaltyEntriesParams = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
  offset: z.coerce.number().int().min(0).optional().default(0),
})

/** Validated query of `GET /admin/customers/:id/loyalty/entries`. */
export type AdminLoyaltyEntriesParamsType = z.infer<
  typeof AdminLoyaltyEntriesParams
>

/** Body of a manual adjustment: positive points credit, negative ones debit. */
export const AdminAdjustLoyaltyPoints = z
  .object({
    points: z
      .number()
      .int()
      .min(-MAX_ADJUSTMENT_POINTS)
      .max(MAX_ADJUSTMENT_POINTS)
      .refine((points) => points !== 0, {
        message: "points must not be 0",
      }),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()

/** Validated body of `POST /admin/customers/:id/loyalty/adjustments`. */
export type AdminAdjustLoyaltyPointsType = z.infer<
  typeof AdminAdjustLoyaltyPoints
>
