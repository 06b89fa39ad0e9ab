import type { ConversionKind } from "../types"

/** A legacy value read as what its column needs, noting any conversion. */
export type Parsed<T> =
  { ok: true; value: T; conversion?: ConversionKind } | { ok: false }

const DECIMAL = /^[+-]?\d+(\.\d+)?$/
const INTEGER = /^[+-]?\d+$/
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const INT_MAX = 2 ** 31 - 1

// By BSON type tag rather than instanceof: documents may come from another
// copy of the bson package (the mongodb driver's) or another realm.
function bsonType(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && "_bsontype" in value) {
    return String(value._bsontype)
  }
  return undefined
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]"
}

function decimalTextToCents(text: string): number {
  const negative = text.startsWith("-")
  const [whole, fraction = ""] = text.replace(/^[+-]/, "").split(".")
  const digits = fraction.padEnd(3, "0")
  const cents =
    Number(whole) * 100 +
    Number(digits.slice(0, 2)) +
    (Number(digits[2]) >= 5 ? 1 : 0)
  return negative ? -cents : cents
}

/**
 * Money in cents from a number, a numeric string ("12.50") or a Decimal128,
 * rounded half up to the cent. Words ("twelve"), NaN and "12,50" are refused.
 */
export function parseMoney(value: unknown): Parsed<number> {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { ok: true, value: Math.round(value * 100) }
      : { ok: false }
  }
  if (bsonType(value) === "Decimal128") {
    const text = String(value)
    return DECIMAL.test(text)
      ? { ok: true, value: decimalTextToCents(text), conversion: "decimal128" }
      : { ok: false }
  }
  if (typeof value === "string" && DECIMAL.test(value.trim())) {
    return {
      ok: true,
      value: decimalTextToCents(value.trim()),
      conversion: "numericString",
    }
  }
  return { ok: false }
}

/** A whole number that fits a signed INT column, from a number or a numeric string. */
export function parseInteger(value: unknown): Parsed<number> {
  let parsed: number | undefined
  let conversion: ConversionKind | undefined
  if (typeof value === "number" && Number.isInteger(value)) {
    parsed = value
  } else if (typeof value === "string" && INTEGER.test(value.trim())) {
    parsed = Number(value.trim())
    conversion = "numericString"
  }
  if (parsed === undefined || Math.abs(parsed) > INT_MAX) {
    return { ok: false }
  }
  return conversion
    ? { ok: true, value: parsed, conversion }
    : { ok: true, value: parsed }
}

/**
 * A date from a BSON date, an ISO 8601 string, or the "25/12/2023" (day
 * first, read as UTC midnight) that an old admin form stored.
 */
export function parseDate(value: unknown): Parsed<Date> {
  if (isDate(value)) {
    return Number.isNaN(value.getTime()) ? { ok: false } : { ok: true, value }
  }
  if (typeof value !== "string") {
    return { ok: false }
  }
  const text = value.trim()
  if (ISO_DATE.test(text)) {
    const time = Date.parse(text)
    return Number.isNaN(time)
      ? { ok: false }
      : { ok: true, value: new Date(time), conversion: "isoDateString" }
  }
  const dmy = text.match(DAY_MONTH_YEAR)
  if (dmy) {
    const [day, month, year] = dmy.slice(1).map(Number)
    const date = new Date(Date.UTC(year, month - 1, day))
    const real = date.getUTCDate() === day && date.getUTCMonth() === month - 1
    return real
      ? { ok: true, value: date, conversion: "dmyDateString" }
      : { ok: false }
  }
  return { ok: false }
}

/** The 24-hex id of an ObjectId, or of a string holding one. */
export function parseObjectId(value: unknown): Parsed<string> {
  if (bsonType(value) === "ObjectId") {
    return { ok: true, value: String(value) }
  }
  if (typeof value === "string" && /^[0-9a-fA-F]{24}$/.test(value)) {
    return { ok: true, value: value.toLowerCase() }
  }
  return { ok: false }
}

/** A trimmed non-empty string, or null. */
export function text(value: unknown, maxLength?: number): string | null {
  if (typeof value !== "string" && typeof value !== "number") {
    return null
  }
  const trimmed = String(value).trim()
  if (!trimmed) {
    return null
  }
  return maxLength ? trimmed.slice(0, maxLength) : trimmed
}

/** When an ObjectId was made: the creation date of documents that lack one. */
export function objectIdTime(hex: string | null): Date {
  return new Date(hex ? parseInt(hex.slice(0, 8), 16) * 1000 : 0)
}

/** The elements of an array field; anything else reads as none. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** An embedded object field, or an empty one. */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
