/** Lifecycle of a flash sale. Only `scheduled` and `active` sales sell. */
export const FLASH_SALE_STATUSES = [
  "draft",
  "scheduled",
  "active",
  "ended",
] as const

/** A flash sale's state. */
export type FlashSaleStatus = (typeof FLASH_SALE_STATUSES)[number]

/** Sale states that admit reservations between `starts_at` and `ends_at`. */
export const SELLING_SALE_STATUSES: readonly FlashSaleStatus[] = [
  "scheduled",
  "active",
]

/**
 * Lifecycle of a reservation: `active` until bought (`converted`), released
 * or expired; a bought one becomes `returned` when its order is canceled.
 */
export const FLASH_SALE_RESERVATION_STATUSES = [
  "active",
  "converted",
  "released",
  "expired",
  "returned",
] as const

/** A reservation's state. */
export type FlashSaleReservationStatus =
  (typeof FLASH_SALE_RESERVATION_STATUSES)[number]

/** Flash-sale prices of an item: amount by lower-case ISO currency code. */
export type FlashSalePrices = Record<string, number>

/** A reservation as the module returns it, with the sale it belongs to. */
export type FlashSaleReservationDTO = {
  id: string
  sale_id: string
  item_id: string
  customer_id: string
  quantity: number
  status: FlashSaleReservationStatus
  expires_at: Date
  cart_id: string | null
  order_id: string | null
  created_at: Date
  updated_at: Date
}

/**
 * A reservation just made, and whether it took its item's last free unit:
 * the sell-out, true for exactly one reservation each time an item goes from
 * some units left to none.
 */
export type ReserveResult = FlashSaleReservationDTO & {
  took_last_unit: boolean
}

/** A reservation after a status change, and whether this call changed it. */
export type ReservationChange = {
  reservation: FlashSaleReservationDTO
  changed: boolean
}

/**
 * A returned purchase bought again, and whether that took its item's last
 * free unit: a sell-out, as for a reservation.
 */
export type UndoneReturn = ReservationChange & { took_last_unit: boolean }

/** An item whose allocation an edit changed, and its units left after. */
export type AllocationChange = {
  id: string
  sale_id: string
  variant_id: string
  /** 0 only when this change lowered the allocation onto the units taken. */
  units_left: number
}

/** An edit of a sale: any of its fields and of its items' fields. */
export type FlashSaleEdit = {
  title?: string
  starts_at?: Date
  ends_at?: Date
  items?: {
    id: string
    prices?: Record<string, unknown>
    units_allocated?: number
    per_customer_limit?: number
  }[]
}

/** Input of `reserve`. */
export type ReserveInput = {
  saleId: string
  itemId: string
  customerId: string
  /** Units to hold; a positive whole number. */
  quantity: number
  /** How long the hold lasts before the sweeper returns the units. */
  ttlSeconds: number
  cartId?: string | null
}

/** Input of `confirm`: what the reserved units were bought with. */
export type ConfirmReservationInput = {
  orderId?: string | null
  cartId?: string | null
}

/** One item of one sale. */
export type SaleItemRef = { sale_id: string; item_id: string }

/** The distinct sale items of some reservations. */
export function saleItemsOf(
  reservations: Pick<FlashSaleReservationDTO, "sale_id" | "item_id">[]
): SaleItemRef[] {
  const byItem = new Map<string, SaleItemRef>()
  for (const { sale_id, item_id } of reservations) {
    byItem.set(item_id, { sale_id, item_id })
  }
  return [...byItem.values()]
}

/** What one `sweepExpired` pass did. */
export type SweepResult = {
  /** Reservations this pass turned from `active` to `expired`. */
  expired: string[]
  /** The sale items whose units those reservations gave back, once each. */
  items: SaleItemRef[]
  /**
   * Reservations already settled in PostgreSQL whose units the Redis copy
   * still held (a crash between the two writes, or a rebuild racing a
   * release); they are now consistent again. Always 0 without Redis.
   */
  reconciled: number
}

/** Answer of the reservation-attempt rate limiter. */
export type RateLimitResult = {
  allowed: boolean
  /** Whole seconds until the next attempt can be allowed; 0 when allowed. */
  retryAfterSeconds: number
  /** Attempts left in the current window after this one. */
  remaining: number
}

/** Which engine admits reservations and whether its store answers. */
export type FlashSaleHealth = {
  engine: "redis" | "postgres"
  ok: boolean
  latencyMs: number
  error?: string
}

/** Options of the flash-sale module (`medusa-config.ts`). */
export type FlashSaleModuleOptions = {
  /**
   * Redis for the reservation engine and the rate limiter. Without it both
   * run on PostgreSQL alone, with the same guarantees and less throughput.
   */
  redisUrl?: string
  /** Prefix of every Redis key the module writes. */
  keyPrefix?: string
  /** Reservation attempts allowed per customer per window (default 5). */
  attemptsPerWindow?: number
  /** Length of the rate-limit window in seconds (default 60). */
  attemptWindowSeconds?: number
}
