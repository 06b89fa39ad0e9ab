import { generateEntityId } from "@medusajs/framework/utils"

/** Seconds a points change waits for another change of the same cart. */
export const CART_LOCK_TIMEOUT = 10

/** Seconds after which a cart lock left by a crashed run lapses. */
export const CART_LOCK_TTL = 30

/**
 * A lock owner unique to one run: the PostgreSQL lock provider lets two
 * owner-less callers racing for the same key both believe they hold it.
 */
export function cartLockOwner(): string {
  return generateEntityId(undefined, "loyalty_lock")
}
