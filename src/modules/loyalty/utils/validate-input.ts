import { MedusaError } from "@medusajs/framework/utils"

/** Throws `INVALID_DATA` unless `value` is a non-empty string. */
export function assertId(name: string, value: unknown): void {
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
