import { randomUUID } from "node:crypto"
import type { RateLimitResult } from "../../types"
import { retryAfterSeconds } from "../../utils/retry-after"
import type { AttemptLimiter, Clock } from "../types"
import { attemptsKey } from "./keys"
import type { FlashSaleScripts } from "./scripts"

/**
 * Sliding-window attempt limiter in Redis: a sorted set of attempt times per
 * key, trimmed and counted by one script, so all instances share it.
 */
export class RedisAttemptLimiter implements AttemptLimiter {
  constructor(
    protected readonly scripts_: FlashSaleScripts,
    protected readonly keyPrefix_: string,
    protected readonly limit_: number,
    protected readonly windowMs_: number,
    protected readonly clock_: Clock
  ) {}

  async hit(key: string): Promise<RateLimitResult> {
    const { allowed, value } = await this.scripts_.hitRateLimit(
      attemptsKey(this.keyPrefix_, key),
      this.clock_().getTime(),
      this.windowMs_,
      this.limit_,
      randomUUID()
    )
    return allowed
      ? { allowed, retryAfterSeconds: 0, remaining: value }
      : {
          allowed,
          retryAfterSeconds: retryAfterSeconds(value, this.windowMs_),
          remaining: 0,
        }
  }

  async prune(): Promise<void> {
    // Each key expires one window after its last attempt.
  }
}
