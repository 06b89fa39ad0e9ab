import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import type { Redis } from "ioredis"
import type { FlashSaleStore } from "../../store/flash-sale-store"
import type { SaleRow } from "../../store/types"
import { SELLING_SALE_STATUSES } from "../../types"
import { saleEnded, saleNotFound, saleNotOpen } from "../../utils/refusals"
import type { Clock } from "../types"
import { loadedSalesKey, saleKeys } from "./keys"
import { buildSaleLoad } from "./sale-load"
import type { FlashSaleScripts } from "./scripts"

/** How long a rebuild may hold its lock before another instance takes over. */
const REBUILD_LOCK_MS = 30_000

/** How often an instance waiting for another's rebuild looks again. */
const REBUILD_POLL_MS = 20

type SaleLoaderDeps = {
  redis: Redis
  scripts: FlashSaleScripts
  store: FlashSaleStore
  keyPrefix: string
  clock: Clock
}

/**
 * Rebuilds a sale's Redis copy from PostgreSQL when it is missing (first
 * use, Redis restart, FLUSHDB, or a copy found stale). One instance rebuilds
 * under a `SET NX` lock while the others wait for it; within an instance,
 * concurrent callers share one rebuild.
 */
export class SaleLoader {
  protected readonly running_ = new Map<string, Promise<void>>()

  constructor(protected readonly deps_: SaleLoaderDeps) {}

  /**
   * Loads the sale unless it is loaded (`replace` reloads it anyway). Throws
   * the refusal for sales that are unknown, not open or over, which are
   * never loaded.
   */
  async ensureLoaded(saleId: string, replace: boolean): Promise<void> {
    const running = this.running_.get(saleId)
    if (running) {
      return await running
    }
    const rebuild = this.rebuild_(saleId, replace).finally(() => {
      this.running_.delete(saleId)
    })
    this.running_.set(saleId, rebuild)
    return await rebuild
  }

  protected async rebuild_(saleId: string, replace: boolean): Promise<void> {
    const { redis, scripts, store, keyPrefix, clock } = this.deps_
    const keys = saleKeys(keyPrefix, saleId)
    const token = randomUUID()
    const locked = await redis.set(
      keys.lock,
      token,
      "PX",
      REBUILD_LOCK_MS,
      "NX"
    )
    if (locked !== "OK") {
      return await this.waitForUnlock_(keys.lock)
    }

    try {
      if (replace) {
        // Stop admissions on the stale copy before reading PostgreSQL.
        await redis.del(keys.sale)
      } else if (await redis.exists(keys.sale)) {
        return
      }
      const snapshot = await store.snapshot(saleId)
      if (!snapshot) {
        throw saleNotFound(saleId)
      }
      assertLoadable(snapshot.sale, clock())
      if (await scripts.load(buildSaleLoad(keys, token, snapshot))) {
        await redis.sadd(loadedSalesKey(keyPrefix), saleId)
      }
    } finally {
      await scripts.unlock(keys.lock, token)
    }
  }

  protected async waitForUnlock_(lockKey: string): Promise<void> {
    const deadline = Date.now() + REBUILD_LOCK_MS
    while (Date.now() < deadline && (await this.deps_.redis.exists(lockKey))) {
      await sleep(REBUILD_POLL_MS)
    }
  }
}

// Sales that cannot sell any more are refused from PostgreSQL each time
// rather than cached: caching them would outlive an admin reopening them.
function assertLoadable(sale: SaleRow, now: Date): void {
  if (!SELLING_SALE_STATUSES.includes(sale.status)) {
    throw saleNotOpen()
  }
  if (now >= sale.ends_at) {
    throw saleEnded()
  }
}
