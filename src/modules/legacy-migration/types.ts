/**
 * Collections of the legacy Klelite MongoDB database, in migration order:
 * each only points at collections before it (wishlists at products).
 */
export const LEGACY_COLLECTIONS = [
  "products",
  "users",
  "orders",
  "reviews",
  "loyaltytransactions",
  "flashsales",
] as const

export type LegacyCollection = (typeof LEGACY_COLLECTIONS)[number]

/**
 * Why a legacy document is quarantined instead of migrated, in the order the
 * checks run: a document failing several is quarantined for the first.
 * `duplicate_key` is found by the loader: a slug, SKU or order number that
 * another document already holds in the target (compared as MySQL does).
 */
export const QUARANTINE_REASONS = [
  "missing_required_field",
  "invalid_number",
  "invalid_date",
  "invalid_value",
  "dangling_reference",
  "duplicate_email",
  "duplicate_key",
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
