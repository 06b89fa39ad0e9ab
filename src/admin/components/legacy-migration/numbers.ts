const number = new Intl.NumberFormat("en-US")

/** 12,345 */
export const formatCount = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : number.format(value)

/** "3m05s", "42s", "–" when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) {
    return "–"
  }
  const s = Math.round(seconds)
  return s >= 60
    ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`
    : `${s}s`
}

/** A sum as the report shows it: money keys are in cents. */
export function formatSum(key: string, value: number | null): string {
  if (value === null) {
    return "–"
  }
  return key.endsWith("Cents")
    ? (value / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })
    : number.format(value)
}
