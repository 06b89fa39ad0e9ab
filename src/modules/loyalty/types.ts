/** Kinds of ledger entry; each one changes the balance by its signed `points`. */
export const LOYALTY_ENTRY_TYPES = [
  "earn",
  "redeem",
  "expire",
  "adjust",
  "reverse",
  "bonus",
] as const

/** A ledger entry kind. */
export type LoyaltyEntryType = (typeof LOYALTY_ENTRY_TYPES)[number]

/** Entry kinds `credit` accepts. */
export const LOYALTY_CREDIT_TYPES = [
  "earn",
  "bonus",
  "adjust",
  "reverse",
] as const

/** Entry kinds `debit` accepts. */
export const LOYALTY_DEBIT_TYPES = [
  "redeem",
  "expire",
  "adjust",
  "reverse",
] as const

/** Lifecycle of a cart hold. */
export const LOYALTY_HOLD_STATUSES = ["active", "released", "consumed"] as const

/** A cart hold's state. */
export type LoyaltyHoldStatus = (typeof LOYALTY_HOLD_STATUSES)[number]

/** A customer's points account as the service returns it. */
export type LoyaltyAccountDTO = {
  id: string
  customer_id: string
  balance: number
  held: number
  lifetime_earned: number
  tier: string
  referral_code: string
  last_activity_at: Date | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/** One ledger line as the service returns it. */
export type LoyaltyEntryDTO = {
  id: string
  account_id: string
  type: LoyaltyEntryType
  points: number
  balance_after: number
  reason: string
  source_type: string
  source_id: string | null
  idempotency_key: string | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/** Points reserved for a cart as the service returns them. */
export type LoyaltyHoldDTO = {
  id: string
  account_id: string
  cart_id: string
  points: number
  status: LoyaltyHoldStatus
  order_id: string | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

/** A tier: reached at `threshold` of 12-month spend, earning at `multiplier`. */
export type LoyaltyTier = {
  name: string
  threshold: number
  multiplier: number
}

/** The programme settings, without the row's bookkeeping columns. */
export type LoyaltySettingsValues = {
  /** Points earned per whole currency unit spent, by currency code. */
  points_per_unit: Record<string, number>
  /** Currency value of one redeemed point, by currency code. */
  point_value: Record<string, number>
  min_redemption: number
  /** Largest share (0..1) of a cart total that points may pay. */
  max_cart_share: number
  /** Months after which earned points expire; 0 means never. */
  expiry_months: number
  tiers: LoyaltyTier[]
  signup_bonus: number
  birthday_bonus: number
  referral_bonus_referrer: number
  referral_bonus_referee: number
}

/** The settings row as the service returns it. */
export type LoyaltySettingsDTO = LoyaltySettingsValues & {
  id: string
  created_at: Date
  updated_at: Date
}

/** Fields shared by every ledger write. */
type LedgerChangeInput = {
  customerId: string
  /** A positive whole number; the method decides the sign. */
  points: number
  reason: string
  sourceType: string
  sourceId?: string | null
  /** Makes the write happen once: a repeat returns the first entry. */
  idempotencyKey?: string | null
  metadata?: Record<string, unknown> | null
  /**
   * The points give or take back earnings, so `lifetime_earned` moves with
   * them: a `reverse` that undoes an earning, or undoes such a reversal.
   * Always so for `earn` and `bonus` credits; never allowed on redemption or
   * expiry, which spend earnings rather than undo them.
   */
  earned?: boolean
  /**
   * With `earned`, how many of the points move `lifetime_earned` (at most
   * `points`); all of them when unset. Undoing an entry passes what the
   * entry's `lifetime_moved` metadata records it moved.
   */
  earnedPoints?: number
}

/** Input of `credit`. */
export type CreditPointsInput = LedgerChangeInput & {
  type: (typeof LOYALTY_CREDIT_TYPES)[number]
}

/** Input of `debit`. */
export type DebitPointsInput = LedgerChangeInput & {
  type: (typeof LOYALTY_DEBIT_TYPES)[number]
}

/** Input of either ledger write. */
export type LedgerChange = CreditPointsInput | DebitPointsInput

/** Input of `hold`. */
export type HoldPointsInput = {
  customerId: string
  cartId: string
  points: number
}

/** Input of `releaseHold`. */
export type ReleaseHoldInput = {
  cartId: string
}

/** Input of `consumeHold`. */
export type ConsumeHoldInput = {
  cartId: string
  orderId: string
  reason?: string
}

/** Input of `restoreHold`. */
export type RestoreHoldInput = {
  /** The `redeem` entry `consumeHold` wrote. */
  entryId: string
}
