import type { RateLimitStore } from "../store/rate-limit-store"
import type { RateLimitResult } from "../types"
import type { AttemptLimiter, Clock } from "./types"

/**
 * Sliding-window attempt limiter on PostgreSQL, for running without Redis:
 * one row per key updated by a single conditional upsert.
 */
export class PostgresAttemptLimiter implements AttemptLimiter {
  constructor(
    protected readonly store_: RateLimitStore,
    protected readonly limit_: number,
    protected readonly windowMs_: number,
    protected readonly clock_: Clock
  ) {}

  async hit(key: string): Promise<RateLimitResult> {
    return await this.store_.hitRateLimit(
      key,
      this.clock_().getTime(),
      this.windowMs_,
      this.limit_
    )
  }

  async prune(now: Date): Promise<void> {
    await this.store_.pruneRateLimits(new Date(now.getTime() - this.windowMs_))
  }
}
