/** The ledger key that makes an order earn once, however often it is seen. */
export const orderEarnKey = (orderId: string) => `order:${orderId}:earn`

/** Marks reverse entries that take back points an order earned. */
export const EARN_REVERSAL = "earn-reversal"

/** Marks the entry that gives back a canceled order's redeemed points. */
export const REDEMPTION_RETURN = "redemption-return"
