/**
 * Low-stock syncs running at once in this process. With the PostgreSQL lock
 * provider a sync holds one pooled connection for its lock while its reads
 * and writes take others: a burst of unbounded syncs would hold every
 * connection of the pool, each waiting for one more.
 */
export const LOW_STOCK_CONCURRENCY = 2

let running = 0
const waiting: (() => void)[] = []

/** Runs `job` once fewer than `LOW_STOCK_CONCURRENCY` syncs are running, in arrival order. */
export async function inLowStockSlot<T>(job: () => Promise<T>): Promise<T> {
  if (running < LOW_STOCK_CONCURRENCY) {
    running += 1
  } else {
    // The finishing job hands its slot over: `running` stays as it is.
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  try {
    return await job()
  } finally {
    const next = waiting.shift()
    if (next) {
      next()
    } else {
      running -= 1
    }
  }
}
