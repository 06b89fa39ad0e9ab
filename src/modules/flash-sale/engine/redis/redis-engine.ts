import type { Context, Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { Redis } from "ioredis"
import type { FlashSaleStore } from "../../store/flash-sale-store"
import type { NewReservation } from "../../store/types"
import type {
  ConfirmReservationInput,
  FlashSaleReservationDTO,
  ReservationChange,
  ReserveInput,
  ReserveResult,
  SweepResult,
  UndoneReturn,
} from "../../types"
import { saleItemsOf } from "../../types"
import {
  itemNotFound,
  overCustomerLimit,
  saleEnded,
  saleNotFound,
  saleNotOpen,
  saleNotStarted,
  soldOut,
} from "../../utils/refusals"
import { assertId, assertReserveInput } from "../../utils/validate-input"
import { newReservation } from "../new-reservation"
import { systemClock, type Clock, type ReservationEngine } from "../types"
import { AdmissionBatcher } from "./admission-batcher"
import { loadedSalesKey, saleKeys } from "./keys"
import { reconcileSale, type ReconcileDeps } from "./reconcile-sale"
import { ReservationBatcher } from "./reservation-batcher"
import { SaleLoader } from "./sale-loader"
import {
  FlashSaleScripts,
  type HeldUnits,
  type ReserveOutcome,
} from "./scripts"

/** Reservations settled per round trip by the sweeper. */
const SWEEP_BATCH = 500

/** Rebuilds one reservation may wait for before giving up. */
const LOAD_ATTEMPTS = 3

/** Dependencies of the Redis engine. */
export type RedisReservationEngineOptions = {
  redis: Redis
  keyPrefix: string
  store: FlashSaleStore
  clock?: Clock
  logger?: Logger
}

/**
 * The engine with Redis in front: a Lua script admits reservations (sale
 * live, units left, customer within limit) without touching PostgreSQL, so
 * refusals during a rush cost PostgreSQL nothing; the reservations of a sale
 * that arrive together share one script call. Admitted
 * reservations are then written to PostgreSQL by a statement that holds the
 * units again under its own guard: if Redis ever promises too much (lost
 * writes, a rebuild racing a purchase), PostgreSQL refuses, the units go
 * back to Redis and the sale's copy is rebuilt.
 *
 * Order of writes: taking units goes Redis first, then PostgreSQL; giving
 * them back goes PostgreSQL first, then Redis. So, short of lost Redis data,
 * Redis never shows more free units than PostgreSQL has, only (after a crash
 * between the two writes) fewer, which the sweeper repairs when the
 * reservation's deadline passes.
 */
export class RedisReservationEngine implements ReservationEngine {
  readonly kind = "redis"
  protected readonly redis_: Redis
  protected readonly keyPrefix_: string
  protected readonly store_: FlashSaleStore
  protected readonly clock_: Clock
  protected readonly logger_?: Logger
  protected readonly scripts_: FlashSaleScripts
  protected readonly loader_: SaleLoader
  protected readonly admissions_: AdmissionBatcher
  protected readonly batcher_: ReservationBatcher

  constructor(options: RedisReservationEngineOptions) {
    this.redis_ = options.redis
    this.keyPrefix_ = options.keyPrefix
    this.store_ = options.store
    this.clock_ = options.clock ?? systemClock
    this.logger_ = options.logger
    this.scripts_ = new FlashSaleScripts(options.redis)
    this.loader_ = new SaleLoader({
      redis: options.redis,
      scripts: this.scripts_,
      store: options.store,
      keyPrefix: options.keyPrefix,
      clock: this.clock_,
    })
    this.admissions_ = new AdmissionBatcher(this.scripts_, options.keyPrefix)
    this.batcher_ = new ReservationBatcher(options.store)
  }

  async reserve(
    input: ReserveInput,
    sharedContext: Context = {}
  ): Promise<ReserveResult> {
    assertReserveInput(input)
    // Every attempt asks Redis, sold out or not: an in-process "sold out"
    // memory would refuse units another instance has just given back.
    for (let attempt = 1; ; attempt++) {
      const reservation = newReservation(input, this.clock_())
      const outcome = await this.admissions_.admit(reservation)
      if (outcome.code === "ok") {
        return await this.record_(reservation, sharedContext)
      }
      if (outcome.code !== "missing_sale" && outcome.code !== "missing_item") {
        throw refusalOf(outcome)
      }
      if (attempt === LOAD_ATTEMPTS) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          "The flash sale is being prepared; try again in a moment"
        )
      }
      await this.load_(input, outcome.code === "missing_item")
    }
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
    // Also when PostgreSQL had already ended it: a crash may have kept the
    // units in Redis, and settling twice is a no-op.
    await this.settleQuietly_(reservation, true)
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
    await this.settleQuietly_(reservation, false)
    return reservation
  }

  /**
   * PostgreSQL moves the units back once (a conditional status change);
   * only then does Redis get them, so a repeated call gives nothing twice.
   */
  async returnPurchase(
    reservationId: string,
    sharedContext: Context = {}
  ): Promise<ReservationChange> {
    assertId("reservationId", reservationId)
    const change = await this.store_.returnReservation(
      reservationId,
      sharedContext
    )
    if (change.changed) {
      await this.adjustQuietly_(change.reservation, change.reservation.quantity)
    }
    return change
  }

  async undoReturn(
    reservationId: string,
    sharedContext: Context = {}
  ): Promise<UndoneReturn> {
    assertId("reservationId", reservationId)
    const change = await this.store_.undoReturn(reservationId, sharedContext)
    if (change.changed) {
      await this.adjustQuietly_(
        change.reservation,
        -change.reservation.quantity
      )
    }
    return change
  }

  /**
   * PostgreSQL decides what expired; Redis then gets those units back. A
   * second pass settles Redis entries past their deadline that PostgreSQL
   * had already ended or sold, so lost settles cannot keep units forever.
   */
  async sweepExpired(now: Date): Promise<SweepResult> {
    const expired: FlashSaleReservationDTO[] = []
    for (;;) {
      const batch = await this.store_.expireDue(now, SWEEP_BATCH)
      if (!batch.length) {
        break
      }
      await Promise.all(
        batch.map((reservation) => this.settleQuietly_(reservation, true))
      )
      expired.push(...batch)
    }

    const deps: ReconcileDeps = {
      redis: this.redis_,
      scripts: this.scripts_,
      store: this.store_,
      keyPrefix: this.keyPrefix_,
      batchSize: SWEEP_BATCH,
    }
    let reconciled = 0
    const saleIds = await this.redis_.smembers(loadedSalesKey(this.keyPrefix_))
    for (const saleId of saleIds) {
      reconciled += await reconcileSale(deps, saleId, now)
    }
    return {
      expired: expired.map((reservation) => reservation.id),
      items: saleItemsOf(expired),
      reconciled,
    }
  }

  async forgetSale(saleId: string): Promise<void> {
    await this.redis_.del(saleKeys(this.keyPrefix_, saleId).sale)
  }

  async ping(): Promise<void> {
    await this.redis_.ping()
    await this.store_.ping()
  }

  /** Writes an admitted reservation to PostgreSQL, undoing Redis if refused. */
  protected async record_(
    reservation: NewReservation,
    sharedContext: Context
  ): Promise<ReserveResult> {
    let recorded: ReserveResult | null
    try {
      // Inside a caller's transaction the write must join it; otherwise it
      // joins the next group commit.
      recorded = sharedContext.transactionManager
        ? await this.store_.recordReservation(reservation, sharedContext)
        : await this.batcher_.record(reservation)
    } catch (error) {
      await this.settleQuietly_(heldUnitsOf(reservation), true)
      throw error
    }
    if (recorded) {
      return recorded
    }

    await this.settleQuietly_(heldUnitsOf(reservation), true)
    // Redis promised units PostgreSQL does not have: its copy is stale.
    const keys = saleKeys(this.keyPrefix_, reservation.saleId)
    await this.redis_.del(keys.sale, keys.item(reservation.itemId))
    throw await this.store_.refusalFor(reservation)
  }

  /** Loads the sale's copy; for an unknown item, first checks it exists. */
  protected async load_(input: ReserveInput, itemMissing: boolean) {
    if (itemMissing) {
      const item = await this.store_.findItem(input.saleId, input.itemId)
      if (!item) {
        const sale = await this.store_.findSale(input.saleId)
        throw sale
          ? itemNotFound(input.saleId, input.itemId)
          : saleNotFound(input.saleId)
      }
    }
    // An item added after the sale was loaded needs the whole copy redone.
    await this.loader_.ensureLoaded(input.saleId, itemMissing)
  }

  /**
   * Mirrors a move of bought units in Redis after PostgreSQL made it. A
   * failure leaves Redis showing fewer free units than PostgreSQL (never
   * more) and drops the copy so the next reservation rebuilds it.
   */
  protected async adjustQuietly_(
    reservation: FlashSaleReservationDTO,
    delta: number
  ): Promise<void> {
    const keys = saleKeys(this.keyPrefix_, reservation.sale_id)
    try {
      await this.scripts_.adjust(keys, reservation, delta)
    } catch (error) {
      this.logger_?.warn(
        `Flash sale: Redis missed the units of reservation ${reservation.id}; its copy of the sale will be rebuilt (${error})`
      )
      await this.redis_.del(keys.sale).catch(() => undefined)
    }
  }

  /**
   * Settles Redis after PostgreSQL has. A failure is only logged: PostgreSQL
   * already holds the truth and the sweeper repairs Redis at the deadline.
   */
  protected async settleQuietly_(
    reservation: HeldUnits & { sale_id: string },
    giveBack: boolean
  ): Promise<void> {
    try {
      await this.scripts_.settle(
        saleKeys(this.keyPrefix_, reservation.sale_id),
        reservation,
        giveBack
      )
    } catch (error) {
      this.logger_?.warn(
        `Flash sale: Redis kept reservation ${reservation.id} after PostgreSQL settled it; the sweeper will retry (${error})`
      )
    }
  }
}

function heldUnitsOf(
  reservation: NewReservation
): HeldUnits & { sale_id: string } {
  return {
    id: reservation.id,
    sale_id: reservation.saleId,
    item_id: reservation.itemId,
    customer_id: reservation.customerId,
    quantity: reservation.quantity,
  }
}

/**
 * The refusal for a script's answer, built without a stack trace: it is an
 * answer to the customer, not a fault to debug, and capturing the stack
 * (twice, in MedusaError's constructor) cost more than the rest of a refused
 * reservation during a rush.
 */
function refusalOf(outcome: ReserveOutcome): MedusaError {
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return refusalFor(outcome)
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

function refusalFor(outcome: ReserveOutcome): MedusaError {
  switch (outcome.code) {
    case "not_started":
      return saleNotStarted(outcome.startsAt)
    case "ended":
      return saleEnded()
    case "sold_out":
      return soldOut(outcome.available)
    case "over_limit":
      return overCustomerLimit(outcome.limit, outcome.held)
    default:
      return saleNotOpen()
  }
}
