import type { Context } from "@medusajs/framework/types"
import type {
  ConfirmReservationInput,
  FlashSaleReservationDTO,
  RateLimitResult,
  ReservationChange,
  ReserveInput,
  ReserveResult,
  SweepResult,
  UndoneReturn,
} from "../types"

/** Reads the time; engines take one so tests and benchmarks can move it. */
export type Clock = () => Date

/** The system clock. */
export const systemClock: Clock = () => new Date()

/**
 * Admits, settles and expires flash-sale reservations. Every implementation
 * keeps PostgreSQL right on its own: `units_sold + units_reserved` never
 * exceeds `units_allocated`, and a customer never holds more than the item's
 * per-customer limit (on Redis, as long as Redis keeps its data).
 */
export interface ReservationEngine {
  readonly kind: "redis" | "postgres"
  /**
   * Holds units for a customer and tells whether they were the item's last;
   * throws `NOT_ALLOWED` or `NOT_FOUND`.
   */
  reserve(input: ReserveInput, sharedContext?: Context): Promise<ReserveResult>
  /** Gives an active reservation's units back; repeat calls are no-ops. */
  release(
    reservationId: string,
    sharedContext?: Context
  ): Promise<FlashSaleReservationDTO>
  /** Turns a held reservation into sold units; repeat calls are no-ops. */
  confirm(
    reservationId: string,
    input: ConfirmReservationInput,
    sharedContext?: Context
  ): Promise<FlashSaleReservationDTO>
  /**
   * Gives a bought reservation's units back to the sale and frees the
   * customer's limit, once: `changed` is false on repeat calls.
   */
  returnPurchase(
    reservationId: string,
    sharedContext?: Context
  ): Promise<ReservationChange>
  /**
   * Undoes `returnPurchase` while the units are still free, telling whether
   * that took the item's last free unit.
   */
  undoReturn(
    reservationId: string,
    sharedContext?: Context
  ): Promise<UndoneReturn>
  /** Expires reservations past their deadline at `now` and frees their units. */
  sweepExpired(now: Date): Promise<SweepResult>
  /** Drops any cached copy of the sale, e.g. after an admin edit. */
  forgetSale(saleId: string): Promise<void>
  /** Throws when the engine's stores do not answer. */
  ping(): Promise<void>
}

/** Counts attempts per key in a sliding window shared by every instance. */
export interface AttemptLimiter {
  /** Counts one attempt under `key` if the window has room for it. */
  hit(key: string): Promise<RateLimitResult>
  /** Drops bookkeeping older than the window. */
  prune(now: Date): Promise<void>
}
