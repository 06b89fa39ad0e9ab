import type {
  LoyaltyAccountDTO,
  LoyaltySettingsDTO,
} from "../../modules/loyalty"
import { computeTier } from "../../modules/loyalty"

/**
 * What a customer sees of their points: balance, tier and progress, the tier
 * read from the 12-month spend so it never lags behind it.
 */
export function loyaltySummary(
  account: LoyaltyAccountDTO,
  settings: LoyaltySettingsDTO,
  spend12m: number,
  currencyCode?: string
) {
  const available = account.balance - account.held
  const tiers = [...settings.tiers].sort((a, b) => a.threshold - b.threshold)
  const current = computeTier(spend12m, settings)
  const next = tiers.find((tier) => tier.threshold > spend12m) ?? null
  const from = current.threshold
  const values = Object.fromEntries(
    Object.entries(settings.point_value).map(([currency, value]) => [
      currency,
      Math.round(available * value * 100) / 100,
    ])
  )
  return {
    balance: account.balance,
    held: account.held,
    available,
    lifetime_earned: account.lifetime_earned,
    tier: { name: current.name, multiplier: current.multiplier },
    spend_12m: spend12m,
    next_tier: next && {
      name: next.name,
      threshold: next.threshold,
      spend_needed: Math.round((next.threshold - spend12m) * 100) / 100,
      progress:
        next.threshold > from
          ? Math.min(1, (spend12m - from) / (next.threshold - from))
          : 1,
    },
    referral_code: account.referral_code,
    value: currencyCode
      ? { currency_code: currencyCode, amount: values[currencyCode] ?? null }
      : null,
    values,
    min_redemption: settings.min_redemption,
    max_cart_share: settings.max_cart_share,
  }
}
