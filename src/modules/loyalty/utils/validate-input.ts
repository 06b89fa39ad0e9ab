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

/** Entry kinds that always move `lifetime_earned`. */
const EARNING_TYPES: readonly LoyaltyEntryType[] = ["earn", "bonus"]

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
  if (change.earnedPoints !== undefined) {
    assertEarnedPoints(change)
  }
}

/** Throws `INVALID_DATA` unless `earnedPoints` is 0..points of an earning. */
function assertEarnedPoints(change: LedgerChange): void {
  const { earnedPoints, points } = change
  if (
    !Number.isSafeInteger(earnedPoints) ||
    Number(earnedPoints) < 0 ||
    Number(earnedPoints) > points
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `earnedPoints must be a whole number from 0 to ${points}, got ${earnedPoints}`
    )
  }
  if (!change.earned && !EARNING_TYPES.includes(change.type)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "earnedPoints needs a change that moves what was earned"
    )
  }
}
