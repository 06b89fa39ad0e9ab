import { z } from "@medusajs/framework/zod"

const currencyRates = z.record(
  z.string().regex(/^[a-z]{3}$/, "Currency codes are 3 lower-case letters"),
  z.number().positive()
)

const wholeNumber = z.number().int().min(0)

const tier = z
  .object({
    name: z.string().trim().min(1),
    threshold: z.number().min(0),
    multiplier: z.number().positive(),
  })
  .strict()

/** A partial update of the programme settings. */
export const AdminUpdateLoyaltySettings = z
  .object({
    points_per_unit: currencyRates.optional(),
    point_value: currencyRates.optional(),
    min_redemption: wholeNumber.optional(),
    max_cart_share: z.number().gt(0).max(1).optional(),
    expiry_months: wholeNumber.optional(),
    tiers: z
      .array(tier)
      .min(1)
      .refine(
        (tiers) => new Set(tiers.map(({ name }) => name)).size === tiers.length,
        { message: "Tier names must be unique" }
      )
      .optional(),
    signup_bonus: wholeNumber.optional(),
    birthday_bonus: wholeNumber.optional(),
    referral_bonus_referrer: wholeNumber.optional(),
    referral_bonus_referee: wholeNumber.optional(),
  })
  .strict()

/** Validated body of `POST /admin/loyalty/settings`. */
export type AdminUpdateLoyaltySettingsType = z.infer<
  typeof AdminUpdateLoyaltySettings
>
