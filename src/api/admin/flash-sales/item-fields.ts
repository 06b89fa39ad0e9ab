import { z } from "@medusajs/framework/zod"

/*
 * Fields of the sale items. Medusa's validation error formatter looks a
 * failing value up in the body to tell "wrong type" from "missing", and its
 * lookup stops at arrays: any wrong type inside `items` would be reported as
 * "Field 'items, 0, …' is required". Each check here is one refinement, whose
 * message Medusa passes through as written.
 */

const isWholeNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value)

/** A whole number from `min` to `max`. */
export const wholeNumberField = (field: string, min: number, max: number) =>
  z
    .unknown()
    .refine((value) => isWholeNumber(value) && value >= min && value <= max, {
      message: `${field} must be a whole number from ${min} to ${max.toLocaleString("en")}`,
      abort: true,
    })
    .pipe(z.number())

/** A non-empty string. */
export const idField = (field: string) =>
  z
    .unknown()
    .refine((value) => typeof value === "string" && value.length > 0, {
      message: `${field} must be a non-empty string`,
      abort: true,
    })
    .pipe(z.string())

const MAX_PRICE = 1_000_000

const isPrice = (value: unknown): value is number =>
  typeof value === "number" &&
  Number.isFinite(value) &&
  value > 0 &&
  value <= MAX_PRICE

/** Flash prices by lower-case ISO currency code, at least one. */
export const pricesField = z
  .unknown()
  .refine(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length > 0,
    {
      message:
        'prices must be an object of currency code to amount, e.g. { "eur": 12 }, with at least one currency',
      abort: true,
    }
  )
  .refine(
    (value) =>
      Object.keys(value as object).every((code) => /^[a-z]{3}$/.test(code)),
    { message: "Currency codes are 3 lower-case letters", abort: true }
  )
  .refine((value) => Object.values(value as object).every(isPrice), {
    message: `Prices must be numbers above 0 and at most ${MAX_PRICE.toLocaleString("en")}`,
    abort: true,
  })
  .pipe(z.record(z.string(), z.number()))
