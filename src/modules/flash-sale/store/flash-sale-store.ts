import { IsolationLevel } from "@medusajs/framework/mikro-orm/core"
import type { Context, DAL } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
} from "@medusajs/framework/utils"
import type {
  AllocationChange,
  ConfirmReservationInput,
  FlashSaleReservationDTO,
  ReserveResult,
  UndoneReturn,
} from "../types"
import {
  explainRefusal,
  overCustomerLimit,
  reservationInCart,
  reservationLapsed,
  reservationNotFound,
  reservationNotPurchased,
  reservationPurchased,
  reservationReleased,
  soldOut,
} from "../utils/refusals"
import { sqlManagerOf } from "../utils/transaction-manager"
import {
  reservationFromRow,
  snapshotReservationFromRow,
  type Raw,
} from "./rows"
import {
  batchRow,
  holdParams,
  recordedReservations,
  selectReservations,
  selectSale,
  type RawReservation,
  type RecordedRow,
} from "./select"
import { settledRow, type RawSettled } from "./settled"
import * as sql from "./sql"
import type {
  ItemRow,
  NewReservation,
  ReservationChange,
  SaleRow,
  SaleSnapshot,
  SnapshotItem,
  SnapshotReservation,
  CustomerUnits,
} from "./types"

/** The two ways bought units move: back to the sale, or bought again. */
const BOUGHT_UNIT_MOVES = {
  giveBack: { from: "converted", to: "returned", direction: -1 },
  takeAgain: { from: "returned", to: "converted", direction: 1 },
} as const

/**
 * PostgreSQL side of the reservation engines: the record of truth. Each write
 * is one guarded statement (or two under one item lock), so PostgreSQL never
 * holds more units than it has whichever engine admitted the request.
 *
 * Writes that are a single statement run in the caller's transaction when
 * there is one and otherwise on their own (`@InjectManager`): one statement
 * is atomic without BEGIN and COMMIT. Writes that check a customer's limit
 * lock the item first, in a transaction, so the check reads every earlier
 * reservation of the item.
 */
export class FlashSaleStore {
  constructor(protected readonly baseRepository_: DAL.RepositoryService) {}

  /**
   * Admission without Redis: holds the units, then inserts the reservation if
   * the customer stays within the limit, both under the item's row lock.
   * Throws the refusal, which rolls the hold back.
   */
  @InjectTransactionManager()
  async reserveWithinLimit(
    input: NewReservation,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReserveResult> {
    const manager = sqlManagerOf(sharedContext)
    const [held] = await manager.execute<
      {
        id: string
        sale_id: string
        per_customer_limit: number
        units_left: number
      }[]
    >(sql.LOCK_AND_HOLD_UNITS, holdParams(input))
    if (!held) {
      throw await this.refusalFor(input, sharedContext)
    }

    const [created] = await manager.execute<Omit<RawReservation, "sale_id">[]>(
      sql.INSERT_RESERVATION_WITHIN_LIMIT,
      [
        input.id,
        input.itemId,
        input.customerId,
        input.quantity,
        input.expiresAt,
        input.cartId,
        input.itemId,
        input.customerId,
        input.quantity,
        held.per_customer_limit,
      ]
    )
    if (!created) {
      const [{ quantity }] = await manager.execute<{ quantity: number }[]>(
        sql.SELECT_HELD_BY_CUSTOMER,
        [input.itemId, input.customerId]
      )
      throw overCustomerLimit(held.per_customer_limit, quantity)
    }
    return {
      ...reservationFromRow({ ...created, sale_id: held.sale_id }),
      took_last_unit: held.units_left === 0,
    }
  }

  /**
   * Writes a reservation Redis admitted, holding its units in the same
   * statement. Returns null when PostgreSQL refuses (no units left, or the
   * customer past the limit), which means the Redis copy of the sale is out
   * of date.
   */
  @InjectTransactionManager()
  async recordReservation(
    input: NewReservation,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReserveResult | null> {
    const [created] = await this.writeAdmitted_([input], sharedContext)
    return created
  }

  /**
   * `recordReservation` for many reservations in one statement; null for
   * each one PostgreSQL refuses. Refused reservations are retried one by one
   * (an item's batch that does not fit as a whole writes none of its rows),
   * so exactly those that fit are written.
   */
  @InjectTransactionManager()
  async recordReservations(
    inputs: NewReservation[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(ReserveResult | null)[]> {
    const results = await this.writeAdmitted_(inputs, sharedContext)
    for (const [index, input] of inputs.entries()) {
      results[index] ??= await this.recordReservation(input, sharedContext)
    }
    return results
  }

  /** Locks the items, then writes the reservations that fit their limits. */
  protected async writeAdmitted_(
    inputs: NewReservation[],
    sharedContext: Context
  ): Promise<(ReserveResult | null)[]> {
    const manager = sqlManagerOf(sharedContext)
    const itemIds = [...new Set(inputs.map((input) => input.itemId))]
    await manager.execute(sql.LOCK_ITEMS, [JSON.stringify(itemIds)])
    const written = await manager.execute<RecordedRow[]>(
      sql.RECORD_RESERVATIONS,
      [
        JSON.stringify(
          inputs.map((input, position) => batchRow(input, position))
        ),
      ]
    )
    return recordedReservations(inputs, written)
  }

  /** The error a refused attempt deserves, read from the current rows. */
  @InjectManager()
  async refusalFor(
    input: Pick<
      NewReservation,
      "saleId" | "itemId" | "customerId" | "quantity" | "now"
    >,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MedusaError> {
    const manager = sqlManagerOf(sharedContext)
    const sale = await selectSale(manager, input.saleId)
    const [item] = sale
      ? await manager.execute<ItemRow[]>(sql.SELECT_ITEM, [
          input.itemId,
          input.saleId,
        ])
      : []
    const [{ quantity: held }] = await manager.execute<{ quantity: number }[]>(
      sql.SELECT_HELD_BY_CUSTOMER,
      [input.itemId, input.customerId]
    )
    return explainRefusal(
      { sale, item: item ?? null, held },
      input,
      input.quantity,
      input.now
    )
  }

  /**
   * Ends an active reservation and gives its units back. Releasing one that
   * already ended is a no-op (`changed: false`); one that was bought throws.
   */
  @InjectManager()
  async endReservation(
    reservationId: string,
    status: "released" | "expired",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReservationChange> {
    const manager = sqlManagerOf(sharedContext)
    const [ended] = await selectReservations(manager, sql.RELEASE_RESERVATION, [
      status,
      reservationId,
    ])
    if (ended) {
      return { reservation: ended, changed: true }
    }
    const current = await this.findReservation(reservationId, sharedContext)
    if (current.status === "converted") {
      throw reservationPurchased()
    }
    return { reservation: current, changed: false }
  }

  /**
   * Turns an unexpired active reservation into sold units. Confirming it
   * again is a no-op (`changed: false`); a lapsed one throws.
   */
  @InjectTransactionManager()
  async convertReservation(
    reservationId: string,
    input: ConfirmReservationInput,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReservationChange> {
    const manager = sqlManagerOf(sharedContext)
    const [converted] = await manager.execute<
      (Omit<RawReservation, "sale_id"> & { sale_id: string | null })[]
    >(sql.CONVERT_RESERVATION, [
      input.orderId ?? null,
      input.cartId ?? null,
      reservationId,
      now,
    ])
    if (converted) {
      const { sale_id } = converted
      if (!sale_id) {
        // The sold-units guard refused: the counters disagree with the rows.
        // Throwing rolls the status change back with it.
        throw soldOut(0)
      }
      return {
        reservation: reservationFromRow({ ...converted, sale_id }),
        changed: true,
      }
    }
    const current = await this.findReservation(reservationId, sharedContext)
    if (current.status === "converted") {
      return { reservation: current, changed: false }
    }
    throw reservationLapsed()
  }

  /**
   * Puts the customer's reservation into a cart while it is active,
   * unexpired and in no cart yet; throws why not otherwise (someone else's
   * is reported as missing).
   */
  @InjectManager()
  async placeInCart(
    reservationId: string,
    customerId: string,
    cartId: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO> {
    const [placed] = await selectReservations(
      sqlManagerOf(sharedContext),
      sql.PLACE_IN_CART,
      [cartId, reservationId, customerId, now]
    )
    if (placed) {
      return placed
    }
    const current = await this.findReservation(reservationId, sharedContext)
    if (current.customer_id !== customerId) {
      throw reservationNotFound(reservationId)
    }
    if (current.status === "converted") {
      throw reservationPurchased()
    }
    if (current.status === "active" && current.cart_id) {
      throw reservationInCart(current.cart_id === cartId)
    }
    throw current.status === "released"
      ? reservationReleased()
      : reservationLapsed()
  }

  /** Takes a reservation out of `cartId` again; a no-op elsewhere. */
  @InjectManager()
  async takeOutOfCart(
    reservationId: string,
    cartId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await sqlManagerOf(sharedContext).execute(sql.TAKE_OUT_OF_CART, [
      reservationId,
      cartId,
    ])
  }

  /**
   * Gives a bought reservation's units back to the sale (`converted` to
   * `returned`). Returning it again is a no-op (`changed: false`); one that
   * was never bought throws `NOT_ALLOWED`.
   */
  @InjectTransactionManager()
  async returnReservation(
    reservationId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReservationChange> {
    const change = await this.moveBoughtUnits_(
      reservationId,
      "giveBack",
      sharedContext
    )
    if (change) {
      return { reservation: change.reservation, changed: true }
    }
    const current = await this.findReservation(reservationId, sharedContext)
    if (current.status === "returned") {
      return { reservation: current, changed: false }
    }
    throw reservationNotPurchased(current.status)
  }

  /**
   * Takes a returned reservation's units again (`returned` to `converted`),
   * if the sale still has them; `changed: false` when it was not returned.
   * Throws `NOT_ALLOWED` when the units went to someone else meanwhile.
   */
  @InjectTransactionManager()
  async undoReturn(
    reservationId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UndoneReturn> {
    const change = await this.moveBoughtUnits_(
      reservationId,
      "takeAgain",
      sharedContext
    )
    if (change) {
      return change
    }
    const current = await this.findReservation(reservationId, sharedContext)
    return { reservation: current, changed: false, took_last_unit: false }
  }

  /**
   * Runs `MOVE_BOUGHT_UNITS` one way; null when the status did not match.
   * Taking units again marks the move that took the item's last free unit.
   */
  protected async moveBoughtUnits_(
    reservationId: string,
    way: keyof typeof BOUGHT_UNIT_MOVES,
    sharedContext: Context
  ): Promise<UndoneReturn | null> {
    const { from, to, direction } = BOUGHT_UNIT_MOVES[way]
    const [moved] = await sqlManagerOf(sharedContext).execute<
      (RawSettled & { units_left: number | null })[]
    >(sql.MOVE_BOUGHT_UNITS, [
      to,
      reservationId,
      from,
      direction,
      direction,
      direction,
    ])
    if (!moved) {
      return null
    }
    const { units_left, ...row } = moved
    return {
      reservation: settledRow(row),
      changed: true,
      took_last_unit: direction > 0 && units_left === 0,
    }
  }

  /**
   * Sets an item's allocation in one statement; PostgreSQL's units check
   * refuses one below the units sold and reserved. Null when the item
   * already had it.
   */
  @InjectManager()
  async setAllocation(
    saleId: string,
    itemId: string,
    units: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocationChange | null> {
    const [changed] = await sqlManagerOf(sharedContext).execute<
      AllocationChange[]
    >(sql.SET_ALLOCATION, [units, itemId, saleId, units])
    return changed ?? null
  }

  /**
   * Expires up to `limit` overdue reservations of one item, giving their
   * units back; call until it returns none.
   */
  @InjectManager()
  async expireDue(
    now: Date,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO[]> {
    return await selectReservations(
      sqlManagerOf(sharedContext),
      sql.EXPIRE_DUE,
      [now, now, limit]
    )
  }

  /** Throws when PostgreSQL does not answer. */
  @InjectManager()
  async ping(@MedusaContext() sharedContext: Context = {}): Promise<void> {
    await sqlManagerOf(sharedContext).execute("SELECT 1")
  }

  /** Throws `NOT_FOUND` when the reservation does not exist. */
  @InjectManager()
  async findReservation(
    reservationId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO> {
    const [reservation] = await selectReservations(
      sqlManagerOf(sharedContext),
      sql.SELECT_RESERVATION,
      [reservationId]
    )
    if (!reservation) {
      throw reservationNotFound(reservationId)
    }
    return reservation
  }

  /** The reservations among `ids` that exist, in no particular order. */
  @InjectManager()
  async findReservations(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO[]> {
    if (!ids.length) {
      return []
    }
    return await selectReservations(
      sqlManagerOf(sharedContext),
      sql.SELECT_RESERVATIONS,
      [JSON.stringify(ids)]
    )
  }

  /** The sale, or null. */
  @InjectManager()
  async findSale(
    saleId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SaleRow | null> {
    return await selectSale(sqlManagerOf(sharedContext), saleId)
  }

  /** The item when it belongs to the sale, or null. */
  @InjectManager()
  async findItem(
    saleId: string,
    itemId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ItemRow | null> {
    const [item] = await sqlManagerOf(sharedContext).execute<ItemRow[]>(
      sql.SELECT_ITEM,
      [itemId, saleId]
    )
    return item ?? null
  }

  /**
   * Everything needed to rebuild a sale's Redis copy, read in one
   * repeatable-read snapshot so the parts agree with each other.
   */
  async snapshot(saleId: string): Promise<SaleSnapshot | null> {
    return await this.snapshot_(saleId, {
      isolationLevel: IsolationLevel.REPEATABLE_READ,
    })
  }

  @InjectTransactionManager()
  protected async snapshot_(
    saleId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SaleSnapshot | null> {
    const manager = sqlManagerOf(sharedContext)
    const sale = await selectSale(manager, saleId)
    if (!sale) {
      return null
    }
    const items = await manager.execute<SnapshotItem[]>(sql.SELECT_SALE_ITEMS, [
      saleId,
    ])
    const reservations = await manager.execute<
      Raw<SnapshotReservation, "expires_at">[]
    >(sql.SELECT_ACTIVE_RESERVATIONS, [saleId])
    const customerUnits = await manager.execute<CustomerUnits[]>(
      sql.SELECT_CUSTOMER_UNITS,
      [saleId]
    )
    return {
      sale,
      items,
      reservations: reservations.map(snapshotReservationFromRow),
      customerUnits,
    }
  }
}
