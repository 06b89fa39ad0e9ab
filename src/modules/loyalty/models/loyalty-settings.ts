import { model } from "@medusajs/framework/utils"

/**
 * The programme's settings, one row (see `LOYALTY_SETTINGS_ID`). Per-currency
 * rates are JSON maps keyed by lower-case ISO currency code.
 */
const LoyaltySettings = model.define("loyalty_settings", {
  id: model.id({ prefix: "lset" }).primaryKey(),
  points_per_unit: model.json(),
  point_value: model.json(),
  min_redemption: model.number(),
  max_cart_share: model.float(),
  expiry_months: model.number(),
  tiers: model.json(),
  signup_bonus: model.number(),
  birthday_bonus: model.number(),
  referral_bonus_referrer: model.number(),
  referral_bonus_referee: model.number(),
})

export default LoyaltySettings
