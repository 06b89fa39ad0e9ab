import { MedusaError } from "@medusajs/framework/utils"
import type { LedgerChange, LoyaltyEntryType } from "../types"

/** Throws `INVALID_DATA` unless `value` is a non-empty string. */
export function assertNonEmpty(name: string, value: unknown): void {
  if (typeof value !== "string" || !value.trim()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${name} must be a non-empty string`
    )
  }
}

/** Throws `INVALID_DATA` unless `points` is a positive whole number. */
export function assertPoints(points: unknown): void {
  if (!Number.isSafeInteger(points) || Number(points) <= 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `points must be a positive whole number, got ${points}`
    )
  }
}

/** Throws `INVALID_DATA` unless `type` is one of `allowed`. */
export function assertType(type: string, allowed: readonly string[]): void {
  if (!allowed.includes(type)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `type must be one of ${allowed.join(", ")}, got ${type}`
    )
  }
}

/** Entry kinds that may move `lifetime_earned`. */
const EARNED_TYPES: readonly LoyaltyEntryType[] = ["earn", "bonus", "reverse"]

/** Throws `INVALID_DATA` unless a credit or debit input is well formed. */
export function assertLedgerChange(
  change: LedgerChange,
  types: readonly LoyaltyEntryType[]
): void {
  assertNonEmpty("customerId", change.customerId)
  assertPoints(change.points)
  assertType(change.type, types)
  assertNonEmpty("reason", change.reason)
  assertNonEmpty("sourceType", change.sourceType)
  if (change.earned && !EARNED_TYPES.includes(change.type)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${change.type} points do not change what was earned`
    )
  }
}
