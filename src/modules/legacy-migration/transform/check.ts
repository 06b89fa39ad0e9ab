import type { Document } from "bson"
import {
  QUARANTINE_REASONS,
  type ConversionKind,
  type QuarantineReason,
} from "../types"
import { centsToDecimal } from "../utils/money"
import {
  parseDate,
  parseInteger,
  parseMoney,
  parseObjectId,
  type Parsed,
} from "./values"

/** A legacy document turned into the records of its target tables. */
export type Migrated<T> = {
  ok: true
  legacyId: string
  record: T
  conversions: Partial<Record<ConversionKind, number>>
}

/** A legacy document refused, with the first reason in check order. */
export type Quarantined = {
  ok: false
  legacyId: string | null
  reason: QuarantineReason
  detail: string
}

export type TransformResult<T> = Migrated<T> | Quarantined

type Issue = { reason: QuarantineReason; detail: string }

/**
 * Collects what is wrong with one document while its fields are read, so the
 * reported reason follows QUARANTINE_REASONS order, not field order.
 */
export class DocumentCheck {
  readonly legacyId: string | null
  private issues: Issue[] = []
  private conversions: Partial<Record<ConversionKind, number>> = {}

  constructor(readonly document: Document) {
    const id = parseObjectId(document._id)
    this.legacyId = id.ok ? id.value : null
  }

  /** Records a problem; the document will be quarantined. */
  fail(reason: QuarantineReason, detail: string): void {
    this.issues.push({ reason, detail })
  }

  get failed(): boolean {
    return this.issues.length > 0
  }

  /** Fails for each of `fields` that is absent, null or an empty string. */
  require(fields: readonly string[]): void {
    if (!this.legacyId) {
      this.fail("missing_required_field", "_id is missing or not an ObjectId")
    }
    for (const field of fields) {
      const value = this.document[field]
      if (value === undefined || value === null || value === "") {
        this.fail("missing_required_field", `${field} is missing`)
      }
    }
  }

  private read<T>(
    parsed: Parsed<T>,
    fallback: T,
    reason: QuarantineReason,
    detail: string
  ): T {
    if (!parsed.ok) {
      this.fail(reason, detail)
      return fallback
    }
    if (parsed.conversion) {
      this.conversions[parsed.conversion] =
        (this.conversions[parsed.conversion] ?? 0) + 1
    }
    return parsed.value
  }

  /** A DECIMAL string ("12.50") of at most `maxDigits` digits in all. */
  money(value: unknown, field: string, maxDigits = 10): string {
    const cents = this.read(
      parseMoney(value),
      0,
      "invalid_number",
      `${field} is not an amount: ${JSON.stringify(value)}`
    )
    if (Math.abs(cents) >= 10 ** maxDigits) {
      this.fail("invalid_number", `${field} is too large: ${cents / 100}`)
    }
    return centsToDecimal(cents)
  }

  /** A whole number within [min, max]. */
  integer(
    value: unknown,
    field: string,
    min = -(2 ** 31),
    max = 2 ** 31 - 1
  ): number {
    const parsed = this.read(
      parseInteger(value),
      0,
      "invalid_number",
      `${field} is not a whole number: ${JSON.stringify(value)}`
    )
    if (parsed < min || parsed > max) {
      this.fail(
        "invalid_value",
        `${field} must be from ${min} to ${max}, got ${parsed}`
      )
    }
    return parsed
  }

  /** A date; `fallback` when the field is absent. */
  date(value: unknown, field: string, fallback: Date): Date {
    if (value === undefined || value === null) {
      return fallback
    }
    return this.read(
      parseDate(value),
      fallback,
      "invalid_date",
      `${field} is not a date: ${JSON.stringify(value)}`
    )
  }

  /** An optional date: null when absent. */
  optionalDate(value: unknown, field: string): Date | null {
    if (value === undefined || value === null) {
      return null
    }
    return this.read(
      parseDate(value),
      null,
      "invalid_date",
      `${field} is not a date: ${JSON.stringify(value)}`
    )
  }

  /** The 24-hex id a reference field holds. */
  reference(value: unknown, field: string): string {
    return this.read(
      parseObjectId(value),
      "",
      "invalid_value",
      `${field} is not an ObjectId: ${JSON.stringify(value)}`
    )
  }

  /** One of `allowed`, compared without case or surrounding spaces. */
  oneOf<T extends string>(
    value: unknown,
    field: string,
    allowed: readonly T[]
  ): T {
    const normalised =
      typeof value === "string" ? value.trim().toLowerCase() : ""
    const match = allowed.find((option) => option === normalised)
    if (!match) {
      this.fail(
        "invalid_value",
        `${field} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`
      )
      return allowed[0]
    }
    return match
  }

  /** The migrated record, or the quarantine of the first problem in check order. */
  finish<T>(record: () => T): TransformResult<T> {
    if (this.issues.length) {
      return this.quarantine()
    }
    return {
      ok: true,
      legacyId: this.legacyId ?? "",
      record: record(),
      conversions: this.conversions,
    }
  }

  /** The quarantine for what was found so far (there must be something). */
  quarantine(): Quarantined {
    const rank = (issue: Issue) => QUARANTINE_REASONS.indexOf(issue.reason)
    const [first] = [...this.issues].sort((a, b) => rank(a) - rank(b))
    return {
      ok: false,
      legacyId: this.legacyId,
      reason: first.reason,
      detail: first.detail,
    }
  }
}
