/** "1234.50" for 123450 cents: what a DECIMAL column takes without float error. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}
