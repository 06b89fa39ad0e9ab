import type { Context } from "@medusajs/framework/types"
import type { FlashSaleStore } from "../store/flash-sale-store"
import type {
  ConfirmReservationInput,
  FlashSaleReservationDTO,
  ReservationChange,
  ReserveInput,
  ReserveResult,
  SweepResult,
  UndoneReturn,
} from "../types"
import { saleItemsOf } from "../types"
import { assertId, assertReserveInput } from "../utils/validate-input"
import { newReservation } from "./new-reservation"
import { systemClock, type Clock, type ReservationEngine } from "./types"

/** Reservations of one item expired per statement by the sweeper. */
const SWEEP_BATCH = 500

/**
 * The engine without Redis: PostgreSQL admits each reservation under the
 * item's row lock, so writers of one item queue behind each other.
 */
export class PostgresReservationEngine implements ReservationEngine {
  readonly kind = "postgres"

  constructor(
    protected readonly store_: FlashSaleStore,
    protected readonly clock_: Clock = systemClock
  ) {}

  async reserve(
    input: ReserveInput,
    sharedContext: Context = {}
  ): Promise<ReserveResult> {
    assertReserveInput(input)
    return await this.store_.reserveWithinLimit(
      newReservation(input, this.clock_()),
      sharedContext
    )
  }

  async release(
    reservationId: string,
    sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO> {
    assertId("reservationId", reservationId)
    const { reservation } = await this.store_.endReservation(
      reservationId,
      "released",
      sharedContext
    )
    return reservation
  }

  async confirm(
    reservationId: string,
    input: ConfirmReservationInput,
    sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO> {
    assertId("reservationId", reservationId)
    const { reservation } = await this.store_.convertReservation(
      reservationId,
      input,
      this.clock_(),
      sharedContext
    )
    return reservation
  }

  async returnPurchase(
    reservationId: string,
    sharedContext: Context = {}
  ): Promise<ReservationChange> {
    assertId("reservationId", reservationId)
    return await this.store_.returnReservation(reservationId, sharedContext)
  }

  async undoReturn(
    reservationId: string,
    sharedContext: Context = {}
  ): Promise<UndoneReturn> {
    assertId("reservationId", reservationId)
    return await this.store_.undoReturn(reservationId, sharedContext)
  }

  async sweepExpired(now: Date): Promise<SweepResult> {
    const expired: FlashSaleReservationDTO[] = []
    for (;;) {
      const batch = await this.store_.expireDue(now, SWEEP_BATCH)
      if (!batch.length) {
        return {
          expired: expired.map((reservation) => reservation.id),
          items: saleItemsOf(expired),
          reconciled: 0,
        }
      }
      expired.push(...batch)
    }
  }

  async forgetSale(): Promise<void> {
    // Nothing is cached outside PostgreSQL.
  }

  async ping(): Promise<void> {
    await this.store_.ping()
  }
}
