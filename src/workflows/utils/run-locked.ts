import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { lockHoldsConnection } from "./lock-holds-connection"

/**
 * Locked sections running at once in this process. With the PostgreSQL lock
 * provider a section holds one pooled connection for its lock while its
 * reads and writes take others: a burst of unbounded sections would hold
 * every connection of the pool, each waiting for one more.
 */
export const LOCKED_SECTIONS_AT_ONCE = 2

let running = 0
const waiting: (() => void)[] = []

/** Runs `job` once fewer than `LOCKED_SECTIONS_AT_ONCE` run, in arrival order. */
export async function inLockedSectionSlot<T>(
  job: () => Promise<T>
): Promise<T> {
  if (running < LOCKED_SECTIONS_AT_ONCE) {
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

/**
 * Runs `job` holding `key` through the Locking Module; in a slot of this
 * process only when the lock holds a database connection.
 */
export function runLocked<T>(
  container: Pick<MedusaContainer, "resolve">,
  key: string,
  job: () => Promise<T>,
  options?: { timeout?: number; expire?: number }
): Promise<T> {
  const locked = () =>
    container.resolve(Modules.LOCKING).execute(key, job, options)
  return lockHoldsConnection(container) ? inLockedSectionSlot(locked) : locked()
}
