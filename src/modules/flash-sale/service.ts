/**
 * Flash-sale module: sales, their items with fixed allocations, and
 * reservations that hold units for a customer until bought or expired.
 *
 * PostgreSQL is the record of truth. An item's `units_sold` and
 * `units_reserved` change only through guarded single statements, and a
 * check constraint keeps `units_sold + units_reserved <= units_allocated`, so
 * no unit is sold twice whatever admitted the request.
 *
 * Admission runs on the Redis engine when `redisUrl` is set (one Lua script
 * per attempt; PostgreSQL sees only admitted reservations) and on the
 * PostgreSQL engine otherwise (a row lock per item). See `engine/`.
 */
import type { Context, DAL, Logger } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { createEngines } from "./engine/create-engines"
import type { AttemptLimiter, ReservationEngine } from "./engine/types"
import {
  FlashSale,
  FlashSaleItem,
  FlashSaleRateLimit,
  FlashSaleReservation,
} from "./models"
import { FlashSaleStore } from "./store/flash-sale-store"
import { RateLimitStore } from "./store/rate-limit-store"
import type {
  AllocationChange,
  ConfirmReservationInput,
  FlashSaleEdit,
  FlashSaleHealth,
  FlashSaleModuleOptions,
  FlashSaleReservationDTO,
  RateLimitResult,
  ReservationChange,
  ReserveInput,
  ReserveResult,
  SweepResult,
  UndoneReturn,
} from "./types"
import { resolveOptions } from "./utils/options"
import { assertId, assertKeySafeId } from "./utils/validate-input"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  logger?: Logger
}

/** Flash sales: CRUD of sales and items, reservations and their limits. */
export default class FlashSaleModuleService extends MedusaService({
  FlashSale,
  FlashSaleItem,
  FlashSaleReservation,
  FlashSaleRateLimit,
}) {
  protected readonly store_: FlashSaleStore
  protected readonly engine_: ReservationEngine
  protected readonly attemptLimiter_: AttemptLimiter
  protected readonly closeEngines_: () => Promise<void>

  __hooks = {
    onApplicationShutdown: async (): Promise<void> => {
      await this.closeEngines_()
    },
  }

  constructor(
    container: InjectedDependencies,
    options: FlashSaleModuleOptions = {}
  ) {
    // The whole container: the generated CRUD methods resolve from it.
    super(container, options)
    this.store_ = new FlashSaleStore(container.baseRepository)
    const { engine, limiter, close } = createEngines(
      {
        store: this.store_,
        rateLimits: new RateLimitStore(container.baseRepository),
      },
      resolveOptions(options),
      container.logger
    )
    this.engine_ = engine
    this.attemptLimiter_ = limiter
    this.closeEngines_ = close
  }

  /**
   * Holds units of a sale item for a customer for `ttlSeconds`;
   * `took_last_unit` marks the one reservation of each sell-out. Throws
   * `NOT_ALLOWED` when sold out, over the customer's limit or outside the
   * sale window, and `NOT_FOUND` for an unknown sale or item.
   */
  @InjectManager()
  async reserve(
    input: ReserveInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReserveResult> {
    return await this.engine_.reserve(input, sharedContext)
  }

  /** Gives a reservation's units back; releasing it again is a no-op. */
  @InjectManager()
  async release(
    reservationId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO> {
    return await this.engine_.release(reservationId, sharedContext)
  }

  /**
   * Turns a held reservation into sold units (the purchase). Throws
   * `NOT_ALLOWED` once it has expired or been released.
   */
  @InjectManager()
  async confirm(
    reservationId: string,
    input: ConfirmReservationInput = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO> {
    return await this.engine_.confirm(reservationId, input, sharedContext)
  }

  /**
   * Puts the customer's held reservation into a cart: once, while it is
   * active and unexpired. Throws `NOT_FOUND` for someone else's and
   * `NOT_ALLOWED` when it lapsed, was bought or is already in a cart.
   */
  @InjectManager()
  async placeInCart(
    reservationId: string,
    input: { customerId: string; cartId: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlashSaleReservationDTO> {
    assertId("reservationId", reservationId)
    assertId("customerId", input.customerId)
    assertId("cartId", input.cartId)
    return await this.store_.placeInCart(
      reservationId,
      input.customerId,
      input.cartId,
      new Date(),
      sharedContext
    )
  }

  /** Undoes `placeInCart` while the reservation is still in `cartId`. */
  @InjectManager()
  async takeOutOfCart(
    reservationId: string,
    cartId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.store_.takeOutOfCart(reservationId, cartId, sharedContext)
  }

  /**
   * Gives a bought reservation's units back to the sale (its order was
   * canceled) and frees the customer's limit. Once only: `changed` is false
   * when it was already returned. Throws `NOT_ALLOWED` for one never bought.
   */
  @InjectManager()
  async returnPurchase(
    reservationId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReservationChange> {
    return await this.engine_.returnPurchase(reservationId, sharedContext)
  }

  /**
   * Buys a returned reservation's units again, while the sale has them;
   * `took_last_unit` marks a purchase that sold the item out again.
   */
  @InjectManager()
  async undoReturn(
    reservationId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UndoneReturn> {
    return await this.engine_.undoReturn(reservationId, sharedContext)
  }

  /**
   * Sets the allocations of a sale's items, all or none, each in one
   * statement that PostgreSQL refuses below the units sold and reserved.
   * Returns the items whose allocation changed with their units left: 0
   * means this edit sold the item out. The engine's copy of the sale is not
   * touched; call `forgetSaleCache` after.
   */
  @InjectManager()
  async setAllocations(
    saleId: string,
    items: { id: string; units_allocated: number }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocationChange[]> {
    assertId("saleId", saleId)
    if (!items.length) {
      return []
    }
    return await this.setAllocations_(saleId, items, sharedContext)
  }

  @InjectTransactionManager()
  protected async setAllocations_(
    saleId: string,
    items: { id: string; units_allocated: number }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocationChange[]> {
    const changes: AllocationChange[] = []
    // One lock order for every edit, so two edits of a sale cannot deadlock.
    const byId = [...items].sort((a, b) => a.id.localeCompare(b.id))
    for (const { id, units_allocated } of byId) {
      const change = await this.store_.setAllocation(
        saleId,
        id,
        units_allocated,
        sharedContext
      )
      if (change) {
        changes.push(change)
      }
    }
    return changes
  }

  /**
   * Applies an edit of a sale and its items in one transaction, so a refused
   * part leaves nothing changed. Allocations go through `setAllocations`'
   * guarded statements; returns their changes.
   */
  @InjectManager()
  async editSale(
    saleId: string,
    edit: FlashSaleEdit,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocationChange[]> {
    assertId("saleId", saleId)
    return await this.editSale_(saleId, edit, sharedContext)
  }

  @InjectTransactionManager()
  protected async editSale_(
    saleId: string,
    edit: FlashSaleEdit,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocationChange[]> {
    const { items = [], ...sale } = edit
    const allocations = items.flatMap(({ id, units_allocated }) =>
      units_allocated === undefined ? [] : [{ id, units_allocated }]
    )
    const allocated = await this.setAllocations_(
      saleId,
      allocations,
      sharedContext
    )
    const otherChanges = items
      .map(({ units_allocated: _units, ...item }) => item)
      .filter((item) => Object.keys(item).length > 1)
    if (otherChanges.length) {
      await this.updateFlashSaleItems(otherChanges, sharedContext)
    }
    if (Object.keys(sale).length) {
      await this.updateFlashSales({ id: saleId, ...sale }, sharedContext)
    }
    return allocated
  }

  /** Expires reservations past their deadline; for a scheduled job. */
  async sweepExpired(now: Date = new Date()): Promise<SweepResult> {
    const result = await this.engine_.sweepExpired(now)
    await this.attemptLimiter_.prune(now)
    return result
  }

  /**
   * Counts a reservation attempt by the customer: at most `attemptsPerWindow`
   * (5) per `attemptWindowSeconds` (60), across all instances. Refusals tell
   * the client when to retry (HTTP 429 with `Retry-After`).
   */
  async limitReservationAttempts(customerId: string): Promise<RateLimitResult> {
    assertId("customerId", customerId)
    return await this.attemptLimiter_.hit(`reserve:${customerId}`)
  }

  /** Drops the engine's cached copy of a sale; call after editing it. */
  async forgetSaleCache(saleId: string): Promise<void> {
    assertKeySafeId("saleId", saleId)
    await this.engine_.forgetSale(saleId)
  }

  /** Whether the engine's stores answer, and how fast. */
  async healthCheck(): Promise<FlashSaleHealth> {
    const startedAt = performance.now()
    const engine = this.engine_.kind
    try {
      await this.engine_.ping()
      return { engine, ok: true, latencyMs: performance.now() - startedAt }
    } catch (error) {
      return {
        engine,
        ok: false,
        latencyMs: performance.now() - startedAt,
        error: error instanceof Error ? error.message : String(error),
      }
    }
  }
}
