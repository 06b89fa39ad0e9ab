/** "1234.50" for 123450 cents: what a DECIMAL column takes without float error. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

/** 123450 for "1234.50" (or a DECIMAL column's value), without float error. */
export function decimalToCents(value: string | number): number {
  const text = String(value).trim()
  const negative = text.startsWith("-")
  const [whole, fraction = ""] = text.replace(/^[+-]/, "").split(".")
  const cents =
    Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2))
  return negative ? -cents : cents
}
