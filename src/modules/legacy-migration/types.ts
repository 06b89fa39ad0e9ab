/** Collections of the legacy Klelite MongoDB database, in migration order. */
export const LEGACY_COLLECTIONS = [
  "users",
  "products",
  "orders",
  "reviews",
  "loyaltytransactions",
  "flashsales",
] as const

export type LegacyCollection = (typeof LEGACY_COLLECTIONS)[number]

/** Why a legacy document is quarantined instead of migrated. */
export const QUARANTINE_REASONS = [
  "missing_required_field",
  "duplicate_email",
  "dangling_reference",
  "invalid_number",
  "invalid_date",
] as const

export type QuarantineReason = (typeof QUARANTINE_REASONS)[number]

/** Legacy values that migrate only after a conversion, counted per kind. */
export const CONVERSION_KINDS = [
  "numericString",
  "decimal128",
  "isoDateString",
  "dmyDateString",
] as const

export type ConversionKind = (typeof CONVERSION_KINDS)[number]
