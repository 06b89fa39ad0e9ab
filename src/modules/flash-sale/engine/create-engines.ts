import type { Logger } from "@medusajs/framework/types"
import { Redis } from "ioredis"
import type { FlashSaleStore } from "../store/flash-sale-store"
import type { RateLimitStore } from "../store/rate-limit-store"
import type { ResolvedFlashSaleOptions } from "../utils/options"
import { PostgresAttemptLimiter } from "./postgres-attempt-limiter"
import { PostgresReservationEngine } from "./postgres-engine"
import { RedisAttemptLimiter } from "./redis/attempt-limiter"
import { RedisReservationEngine } from "./redis/redis-engine"
import { FlashSaleScripts } from "./redis/scripts"
import {
  systemClock,
  type AttemptLimiter,
  type Clock,
  type ReservationEngine,
} from "./types"

/** The engine and limiter a module instance uses, and how to close them. */
export type FlashSaleEngines = {
  engine: ReservationEngine
  limiter: AttemptLimiter
  close: () => Promise<void>
}

/**
 * Redis engine and limiter when `redisUrl` is set, PostgreSQL ones
 * otherwise. The Redis connection opens on first use.
 */
export function createEngines(
  { store, rateLimits }: { store: FlashSaleStore; rateLimits: RateLimitStore },
  options: ResolvedFlashSaleOptions,
  logger?: Logger,
  clock: Clock = systemClock
): FlashSaleEngines {
  const { redisUrl, keyPrefix, attemptsPerWindow, attemptWindowMs } = options
  if (!redisUrl) {
    return {
      engine: new PostgresReservationEngine(store, clock),
      limiter: new PostgresAttemptLimiter(
        rateLimits,
        attemptsPerWindow,
        attemptWindowMs,
        clock
      ),
      close: async () => {},
    }
  }

  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 3,
    // A rush sends many scripts at once: one write per event-loop turn
    // instead of one per command.
    enableAutoPipelining: true,
  })
  redis.on("error", (error: Error) => {
    logger?.error(`Flash sale: Redis connection error: ${error.message}`)
  })
  return {
    engine: new RedisReservationEngine({
      redis,
      keyPrefix,
      store,
      clock,
      logger,
    }),
    limiter: new RedisAttemptLimiter(
      new FlashSaleScripts(redis),
      keyPrefix,
      attemptsPerWindow,
      attemptWindowMs,
      clock
    ),
    close: async () => {
      if (redis.status === "wait") {
        // Never used: nothing to flush, and quit() would connect first.
        redis.disconnect()
      } else {
        await redis.quit()
      }
    },
  }
}
