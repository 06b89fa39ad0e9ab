import { generateEntityId } from "@medusajs/framework/utils"

/**
 * Seconds a low-stock sync waits for the one before it on the same level;
 * a busy level (a flash sale) queues many.
 */
export const LOW_STOCK_LOCK_TIMEOUT = 30

/** Seconds after which a level lock left by a crashed run lapses. */
export const LOW_STOCK_LOCK_TTL = 30

/** The lock key of one inventory level's low-stock markers. */
export function lowStockLockKey({
  input,
}: {
  input: { inventory_level_id: string }
}): string {
  return `low-stock:${input.inventory_level_id}`
}

/**
 * A lock owner unique to one run: the PostgreSQL lock provider lets two
 * owner-less callers racing for the same key both believe they hold it.
 */
export function lowStockLockOwner(): string {
  return generateEntityId(undefined, "low_stock_lock")
}
