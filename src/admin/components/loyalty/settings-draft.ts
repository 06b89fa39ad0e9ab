import type { LoyaltySettings } from "../../lib/loyalty"

/** The whole-number and share settings, edited as text. */
export const NUMBER_FIELDS = [
  ["min_redemption", "Minimum redemption (points)"],
  ["max_cart_share", "Largest share of a cart paid in points (0–1)"],
  ["expiry_months", "Points expire after (months, 0 = never)"],
  ["signup_bonus", "Sign-up bonus"],
  ["birthday_bonus", "Birthday bonus"],
  ["referral_bonus_referrer", "Referral bonus (referrer)"],
  ["referral_bonus_referee", "Referral bonus (new customer)"],
] as const

type NumberField = (typeof NUMBER_FIELDS)[number][0]

/** One currency's earn rate and point value, as typed. */
export type CurrencyRow = {
  currency: string
  points_per_unit: string
  point_value: string
}

/** One tier, as typed. */
export type TierRow = { name: string; threshold: string; multiplier: string }

/** The settings form's state: every number kept as the text typed. */
export type SettingsDraft = Record<NumberField, string> & {
  currencies: CurrencyRow[]
  tiers: TierRow[]
}

/** The form state for stored settings. */
export function toDraft(settings: LoyaltySettings): SettingsDraft {
  const currencies = [
    ...new Set([
      ...Object.keys(settings.points_per_unit),
      ...Object.keys(settings.point_value),
    ]),
  ]
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map(([field]) => [field, String(settings[field])])
  ) as Record<NumberField, string>
  return {
    ...numbers,
    currencies: currencies.map((currency) => ({
      currency,
      points_per_unit: String(settings.points_per_unit[currency] ?? ""),
      point_value: String(settings.point_value[currency] ?? ""),
    })),
    tiers: settings.tiers.map((tier) => ({
      name: tier.name,
      threshold: String(tier.threshold),
      multiplier: String(tier.multiplier),
    })),
  }
}

const isBlank = (text: string) => text.trim() === ""

/**
 * Why the draft cannot be saved, or null. `Number("")` is 0, so a cleared
 * field would otherwise be saved as 0 (no expiry, no bonus) without a word.
 */
export function blankNumberError(draft: SettingsDraft): string | null {
  const field = NUMBER_FIELDS.find(([field]) => isBlank(draft[field]))
  if (field) {
    return `Enter a value for "${field[1]}"`
  }
  for (const row of draft.currencies) {
    const code = row.currency.trim().toUpperCase() || "the new currency"
    if (isBlank(row.points_per_unit)) {
      return `Enter the points per unit spent for ${code}`
    }
    if (isBlank(row.point_value)) {
      return `Enter the value of one point for ${code}`
    }
  }
  for (const tier of draft.tiers) {
    const name = tier.name.trim() || "the new tier"
    if (isBlank(tier.threshold)) {
      return `Enter the spend threshold of ${name}`
    }
    if (isBlank(tier.multiplier)) {
      return `Enter the earn multiplier of ${name}`
    }
  }
  return null
}

/** The request body for the form state; the API validates the numbers. */
export function fromDraft(draft: SettingsDraft): LoyaltySettings {
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map(([field]) => [field, Number(draft[field])])
  ) as Record<NumberField, number>
  const rates = (pick: (row: CurrencyRow) => string) =>
    Object.fromEntries(
      draft.currencies.map((row) => [
        row.currency.trim().toLowerCase(),
        Number(pick(row)),
      ])
    )
  return {
    ...numbers,
    points_per_unit: rates((row) => row.points_per_unit),
    point_value: rates((row) => row.point_value),
    tiers: draft.tiers.map((tier) => ({
      name: tier.name.trim(),
      threshold: Number(tier.threshold),
      multiplier: Number(tier.multiplier),
    })),
  }
}
