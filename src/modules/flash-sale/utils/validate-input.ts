import { MedusaError } from "@medusajs/framework/utils"
import type { ReserveInput } from "../types"

/** Longest hold a reservation may ask for. */
export const MAX_RESERVATION_TTL_SECONDS = 24 * 60 * 60

// Sale and item ids become part of Redis key names, so braces (hash tags) and
// separators must never come from input.
const KEY_SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/

/** Throws `INVALID_DATA` unless `value` is a non-empty string. */
export function assertId(
  name: string,
  value: unknown
): asserts value is string {
  if (typeof value !== "string" || !value.trim()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${name} must be a non-empty string`
    )
  }
}

/** Throws `INVALID_DATA` unless `value` is an id safe in a Redis key name. */
export function assertKeySafeId(
  name: string,
  value: unknown
): asserts value is string {
  if (typeof value !== "string" || !KEY_SAFE_ID.test(value)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${name} must be letters, digits, "_" or "-" (at most 128)`
    )
  }
}

/** Throws `INVALID_DATA` unless `value` is a whole number in `[min, max]`. */
export function assertWholeNumber(
  name: string,
  value: unknown,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER
): asserts value is number {
  if (
    !Number.isSafeInteger(value) ||
    Number(value) < min ||
    Number(value) > max
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${name} must be a whole number from ${min} to ${max}, got ${value}`
    )
  }
}

/** Validates a reservation request before any engine sees it. */
export function assertReserveInput(input: ReserveInput): void {
  assertKeySafeId("saleId", input.saleId)
  assertKeySafeId("itemId", input.itemId)
  assertId("customerId", input.customerId)
  assertWholeNumber("quantity", input.quantity, 1)
  assertWholeNumber(
    "ttlSeconds",
    input.ttlSeconds,
    1,
    MAX_RESERVATION_TTL_SECONDS
  )
  if (input.cartId != null) {
    assertId("cartId", input.cartId)
  }
}
