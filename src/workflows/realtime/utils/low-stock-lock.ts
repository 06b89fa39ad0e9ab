/**
 * Seconds a low-stock sync waits for the one before it on the same level;
 * a busy level (a flash sale) queues many.
 */
export const LOW_STOCK_LOCK_TIMEOUT = 30

/**
 * Seconds a level lock lasts between renewals, for lock providers whose
 * locks expire (Redis): a crashed run's lock lapses after this.
 */
export const LOW_STOCK_LOCK_TTL = 30

/** The lock key of one inventory level's low-stock markers. */
export function lowStockLockKey(inventoryLevelId: string): string {
  return `low-stock:${inventoryLevelId}`
}
