import type { Redis, Result } from "ioredis"
import { MedusaError } from "@medusajs/framework/utils"
import type { NewReservation } from "../../store/types"
import type { SaleKeys } from "./keys"
import {
  ADJUST_UNITS_LUA,
  HIT_RATE_LIMIT_LUA,
  LOAD_SALE_LUA,
  RESERVE_BATCH_LUA,
  SETTLE_LUA,
  UNLOCK_LUA,
} from "./lua"

type RedisArgument = string | number

declare module "ioredis" {
  interface RedisCommander<Context> {
    flashSaleReserveBatch(...args: RedisArgument[]): Result<unknown, Context>
    flashSaleSettle(...args: RedisArgument[]): Result<number, Context>
    flashSaleAdjust(...args: RedisArgument[]): Result<number, Context>
    flashSaleLoad(...args: RedisArgument[]): Result<number, Context>
    flashSaleUnlock(...args: RedisArgument[]): Result<number, Context>
    flashSaleHitRateLimit(...args: RedisArgument[]): Result<unknown, Context>
  }
}

/** What the reserve script answered. */
export type ReserveOutcome =
  | { code: "ok"; available: number }
  | { code: "missing_sale" | "missing_item" | "not_open" | "ended" }
  | { code: "not_started"; startsAt: Date }
  | { code: "sold_out"; available: number }
  | { code: "over_limit"; held: number; limit: number }

/** The parts of a reservation that settling it needs. */
export type HeldUnits = {
  id: string
  item_id: string
  customer_id: string
  quantity: number
}

/** A sale's Redis copy as the load script takes it. */
export type SaleLoad = {
  keys: string[]
  args: RedisArgument[]
}

/** The JSON kept per active reservation, for the sweeper. */
export function reservationDetails(units: Omit<HeldUnits, "id">): string {
  return JSON.stringify({
    item_id: units.item_id,
    customer_id: units.customer_id,
    quantity: units.quantity,
  })
}

/** Reads `reservationDetails` back; null when missing or malformed. */
export function parseReservationDetails(
  id: string,
  details: string | null
): HeldUnits | null {
  if (!details) {
    return null
  }
  const parsed: unknown = JSON.parse(details)
  if (
    typeof parsed === "object" &&
    parsed !== null &&
    "item_id" in parsed &&
    typeof parsed.item_id === "string" &&
    "customer_id" in parsed &&
    typeof parsed.customer_id === "string" &&
    "quantity" in parsed &&
    typeof parsed.quantity === "number"
  ) {
    return {
      id,
      item_id: parsed.item_id,
      customer_id: parsed.customer_id,
      quantity: parsed.quantity,
    }
  }
  return null
}

/**
 * The engine's Lua scripts registered on one connection with
 * `defineCommand`, which sends EVALSHA and falls back to EVAL once per
 * connection.
 */
export class FlashSaleScripts {
  constructor(protected readonly redis_: Redis) {
    redis_.defineCommand("flashSaleSettle", {
      numberOfKeys: 4,
      lua: SETTLE_LUA,
    })
    redis_.defineCommand("flashSaleAdjust", {
      numberOfKeys: 2,
      lua: ADJUST_UNITS_LUA,
    })
    // Key count varies with the items: passed first on each call.
    redis_.defineCommand("flashSaleReserveBatch", { lua: RESERVE_BATCH_LUA })
    redis_.defineCommand("flashSaleLoad", { lua: LOAD_SALE_LUA })
    redis_.defineCommand("flashSaleUnlock", {
      numberOfKeys: 1,
      lua: UNLOCK_LUA,
    })
    redis_.defineCommand("flashSaleHitRateLimit", {
      numberOfKeys: 1,
      lua: HIT_RATE_LIMIT_LUA,
    })
  }

  /**
   * Runs the admission script for reservations of one sale, in order; one
   * outcome each.
   */
  async reserveBatch(
    keys: SaleKeys,
    reservations: NewReservation[]
  ): Promise<ReserveOutcome[]> {
    const itemPositions = new Map<string, number>()
    const scriptKeys = [keys.sale, keys.reservations, keys.expiries]
    const itemIds: string[] = []
    const perReservation: RedisArgument[] = []
    for (const reservation of reservations) {
      let position = itemPositions.get(reservation.itemId)
      if (position === undefined) {
        itemIds.push(reservation.itemId)
        position = itemIds.length
        itemPositions.set(reservation.itemId, position)
        scriptKeys.push(
          keys.item(reservation.itemId),
          keys.customers(reservation.itemId)
        )
      }
      perReservation.push(
        position,
        reservation.now.getTime(),
        reservation.quantity,
        reservation.expiresAt.getTime(),
        reservation.id,
        reservation.customerId
      )
    }
    const reply = await this.redis_.flashSaleReserveBatch(
      scriptKeys.length,
      ...scriptKeys,
      itemIds.length,
      ...itemIds,
      ...perReservation
    )
    return parseReserveBatchReply(reply, reservations.length)
  }

  /** Settles a reservation once; true when this call did it. */
  async settle(
    keys: SaleKeys,
    units: HeldUnits,
    giveBack: boolean
  ): Promise<boolean> {
    const settled = await this.redis_.flashSaleSettle(
      keys.item(units.item_id),
      keys.customers(units.item_id),
      keys.reservations,
      keys.expiries,
      units.id,
      units.customer_id,
      units.quantity,
      giveBack ? "1" : "0"
    )
    return settled === 1
  }

  /**
   * Gives a customer's bought units back to the sale (`delta` > 0) or takes
   * them again (`delta` < 0). Returns the units available after, or -1 when
   * the sale has no copy.
   */
  async adjust(
    keys: SaleKeys,
    units: Omit<HeldUnits, "id" | "quantity">,
    delta: number
  ): Promise<number> {
    return await this.redis_.flashSaleAdjust(
      keys.item(units.item_id),
      keys.customers(units.item_id),
      units.customer_id,
      delta
    )
  }

  /** Writes a sale's copy; false when the rebuild lock was lost. */
  async load({ keys, args }: SaleLoad): Promise<boolean> {
    const loaded = await this.redis_.flashSaleLoad(
      keys.length,
      ...keys,
      ...args
    )
    return loaded === 1
  }

  /** Releases a lock if it still holds `token`. */
  async unlock(lockKey: string, token: string): Promise<void> {
    await this.redis_.flashSaleUnlock(lockKey, token)
  }

  /**
   * Counts an attempt under a sliding window. Returns whether it was
   * allowed and either the attempts left or the wait in milliseconds.
   */
  async hitRateLimit(
    key: string,
    now: number,
    windowMs: number,
    limit: number,
    attemptId: string
  ): Promise<{ allowed: boolean; value: number }> {
    const reply = await this.redis_.flashSaleHitRateLimit(
      key,
      now,
      windowMs,
      limit,
      attemptId
    )
    if (
      !Array.isArray(reply) ||
      typeof reply[0] !== "number" ||
      typeof reply[1] !== "number"
    ) {
      throw malformed(reply)
    }
    return { allowed: reply[0] === 1, value: reply[1] }
  }
}

function parseReserveBatchReply(
  reply: unknown,
  count: number
): ReserveOutcome[] {
  if (!Array.isArray(reply) || reply.length !== count * 3) {
    throw malformed(reply)
  }
  const outcomes: ReserveOutcome[] = new Array(count)
  for (let index = 0; index < count; index++) {
    outcomes[index] = parseOutcome(
      reply[index * 3],
      Number(reply[index * 3 + 1]),
      Number(reply[index * 3 + 2]),
      reply
    )
  }
  return outcomes
}

function parseOutcome(
  code: unknown,
  first: number,
  second: number,
  reply: unknown
): ReserveOutcome {
  switch (code) {
    case "ok":
    case "sold_out":
      return { code, available: first }
    case "not_started":
      return { code, startsAt: new Date(first) }
    case "over_limit":
      return { code, held: first, limit: second }
    case "missing_sale":
    case "missing_item":
    case "not_open":
    case "ended":
      return { code }
    default:
      throw malformed(reply)
  }
}

function malformed(reply: unknown): MedusaError {
  return new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `Unexpected reply from a flash-sale Redis script: ${JSON.stringify(reply)}`
  )
}
