/**
 * The flash price of an item in `currencyCode`, or null when the sale has no
 * price in that currency.
 */
export function flashPriceIn(
  prices: Record<string, unknown> | null | undefined,
  currencyCode: string | null | undefined
): number | null {
  if (!prices || !currencyCode) {
    return null
  }
  const amount = prices[currencyCode.toLowerCase()]
  return typeof amount === "number" && Number.isFinite(amount) && amount > 0
    ? amount
    : null
}
