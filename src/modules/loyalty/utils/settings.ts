import { MedusaError } from "@medusajs/framework/utils"
import type { LoyaltySettingsValues, LoyaltyTier } from "../types"

/** Fixed id of the single settings row, so concurrent first reads agree. */
export const LOYALTY_SETTINGS_ID = "lset_programme"

/** The programme a fresh install starts with. */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettingsValues = {
  points_per_unit: { eur: 1, usd: 1 },
  point_value: { eur: 0.05, usd: 0.05 },
  min_redemption: 100,
  max_cart_share: 0.5,
  expiry_months: 12,
  tiers: [
    { name: "bronze", threshold: 0, multiplier: 1 },
    { name: "silver", threshold: 500, multiplier: 1.25 },
    { name: "gold", threshold: 1500, multiplier: 1.5 },
  ],
  signup_bonus: 50,
  birthday_bonus: 100,
  referral_bonus_referrer: 200,
  referral_bonus_referee: 100,
}

/** Every settings column, in the order `INSERT_SETTINGS` takes them. */
export const SETTINGS_FIELDS: readonly (keyof LoyaltySettingsValues)[] = [
  "points_per_unit",
  "point_value",
  "min_redemption",
  "max_cart_share",
  "expiry_months",
  "tiers",
  "signup_bonus",
  "birthday_bonus",
  "referral_bonus_referrer",
  "referral_bonus_referee",
]

/** Settings stored as `jsonb`, bound as JSON text. */
export const JSON_SETTINGS: ReadonlySet<keyof LoyaltySettingsValues> = new Set([
  "points_per_unit",
  "point_value",
  "tiers",
])

/** Statement parameters for `fields` of `settings`, JSON ones as text. */
export function settingsParams(
  fields: readonly (keyof LoyaltySettingsValues)[],
  settings: Partial<LoyaltySettingsValues>
): unknown[] {
  return fields.map((field) =>
    JSON_SETTINGS.has(field) ? JSON.stringify(settings[field]) : settings[field]
  )
}

const WHOLE_NUMBER_FIELDS = [
  "min_redemption",
  "expiry_months",
  "signup_bonus",
  "birthday_bonus",
  "referral_bonus_referrer",
  "referral_bonus_referee",
] as const

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function assertRates(field: string, rates: Record<string, number>): void {
  for (const [currency, rate] of Object.entries(rates)) {
    if (currency !== currency.toLowerCase()) {
      throw invalid(`${field}: currency codes are lower case, got ${currency}`)
    }
    if (!Number.isFinite(rate) || rate < 0) {
      throw invalid(`${field}.${currency} must be a number >= 0`)
    }
  }
}

function assertTiers(tiers: LoyaltyTier[]): void {
  const names = new Set<string>()
  for (const tier of tiers) {
    if (!tier.name || names.has(tier.name)) {
      throw invalid(`tiers: names must be present and unique`)
    }
    names.add(tier.name)
    if (!Number.isFinite(tier.threshold) || tier.threshold < 0) {
      throw invalid(`tiers.${tier.name}.threshold must be a number >= 0`)
    }
    if (!Number.isFinite(tier.multiplier) || tier.multiplier <= 0) {
      throw invalid(`tiers.${tier.name}.multiplier must be a number > 0`)
    }
  }
}

/** Throws `INVALID_DATA` when any given settings field is out of range. */
export function validateSettings(data: Partial<LoyaltySettingsValues>): void {
  for (const field of WHOLE_NUMBER_FIELDS) {
    const value = data[field]
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw invalid(`${field} must be a whole number >= 0`)
    }
  }
  const share = data.max_cart_share
  if (share !== undefined && !(share >= 0 && share <= 1)) {
    throw invalid(`max_cart_share must be between 0 and 1`)
  }
  if (data.points_per_unit) {
    assertRates("points_per_unit", data.points_per_unit)
  }
  if (data.point_value) {
    assertRates("point_value", data.point_value)
  }
  if (data.tiers) {
    assertTiers(data.tiers)
  }
}
