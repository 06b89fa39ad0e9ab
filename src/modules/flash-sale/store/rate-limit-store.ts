import type { Context, DAL } from "@medusajs/framework/types"
import {
  InjectManager,
  MedusaContext,
  generateEntityId,
} from "@medusajs/framework/utils"
import type { RateLimitResult } from "../types"
import { retryAfterSeconds } from "../utils/retry-after"
import { sqlManagerOf } from "../utils/transaction-manager"
import * as sql from "./rate-limit-sql"

/**
 * PostgreSQL bookkeeping of the attempt limiter used without Redis: one
 * row per key holding its recent attempt times, changed by one upsert.
 */
export class RateLimitStore {
  constructor(protected readonly baseRepository_: DAL.RepositoryService) {}

  /**
   * Counts one attempt under `key` unless `limit` attempts were already
   * counted in the window ending at `now` (a sliding log, one row per key).
   */
  @InjectManager()
  async hitRateLimit(
    key: string,
    now: number,
    windowMs: number,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RateLimitResult> {
    const manager = sqlManagerOf(sharedContext)
    const windowStart = now - windowMs
    const [counted] = await manager.execute<{ attempts: number }[]>(
      sql.HIT_RATE_LIMIT,
      [
        generateEntityId(undefined, "fsrl"),
        key,
        now,
        windowStart,
        now,
        windowStart,
        limit,
      ]
    )
    if (counted) {
      return {
        allowed: true,
        retryAfterSeconds: 0,
        remaining: Math.max(limit - counted.attempts, 0),
      }
    }
    const [{ oldest }] = await manager.execute<{ oldest: string | null }[]>(
      sql.SELECT_OLDEST_HIT,
      [windowStart, key]
    )
    const freeAt = (oldest === null ? now : Number(oldest)) + windowMs
    return {
      allowed: false,
      retryAfterSeconds: retryAfterSeconds(freeAt - now, windowMs),
      remaining: 0,
    }
  }

  /** Deletes rate-limit rows untouched since `before`. */
  @InjectManager()
  async pruneRateLimits(
    before: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await sqlManagerOf(sharedContext).execute(sql.PRUNE_RATE_LIMITS, [before])
  }
}
