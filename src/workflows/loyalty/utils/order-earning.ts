import type {
  LoyaltySettingsValues,
  LoyaltyTier,
} from "../../../modules/loyalty"

type Amount = number | string | { toString(): string }

/**
 * The totals of an order that decide its points. Both are after discounts;
 * `item_total` includes tax and `item_tax_total` is that tax.
 */
export type OrderTotalsForPoints = {
  currency_code: string
  item_total: Amount
  item_tax_total?: Amount | null
}

function toNumber(value: Amount | null | undefined) {
  return value === null || value === undefined ? 0 : Number(value.toString())
}

/**
 * What the customer paid for the items: after discounts, before shipping and
 * tax. Read from totals that are all tax-exclusive, since Medusa's item
 * discount total includes tax while its item subtotal does not.
 */
export function pointsBasis(order: OrderTotalsForPoints): number {
  const basis = toNumber(order.item_total) - toNumber(order.item_tax_total)
  return Math.max(0, Math.round(basis * 100) / 100)
}

/** Whole points earned on `spend` in `currency` at the tier's multiplier. */
export function pointsForSpend(
  spend: number,
  currency: string,
  settings: Pick<LoyaltySettingsValues, "points_per_unit">,
  tier: Pick<LoyaltyTier, "multiplier">
): number {
  const rate = settings.points_per_unit[currency.toLowerCase()] ?? 0
  // Rounded to the cent first so 19.99 × 1 × 1.25 never floors off a point
  // through float noise.
  return Math.floor(Math.round(spend * rate * tier.multiplier * 100) / 100)
}

/**
 * Points to reverse so that, of `earned`, the share `ratio` has been taken
 * back in all, given `alreadyReversed`.
 */
export function reversalDelta(
  earned: number,
  ratio: number,
  alreadyReversed: number
): number {
  const bounded = Math.min(1, Math.max(0, ratio))
  const target = ratio >= 1 ? earned : Math.floor(earned * bounded)
  return Math.max(0, target - alreadyReversed)
}
