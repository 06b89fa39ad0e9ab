import type { LoyaltySettingsValues, LoyaltyTier } from "../types"

/** The tier an account is in before any tier is configured. */
export const BASE_TIER: LoyaltyTier = {
  name: "bronze",
  threshold: 0,
  multiplier: 1,
}

/**
 * The tier reached with `spend12m` (spend over the last 12 months): the one
 * with the highest threshold not above it, or the lowest tier when none is.
 */
export function computeTier(
  spend12m: number,
  settings: Pick<LoyaltySettingsValues, "tiers">
): LoyaltyTier {
  const tiers = [...settings.tiers].sort((a, b) => a.threshold - b.threshold)
  if (!tiers.length) {
    return BASE_TIER
  }

  let reached = tiers[0]
  for (const tier of tiers) {
    if (tier.threshold <= spend12m) {
      reached = tier
    }
  }
  return reached
}
