/** The ledger key that makes an order earn once, however often it is seen. */
export const orderEarnKey = (orderId: string) => `order:${orderId}:earn`

/** The key a canceled order's redeemed points were given back under before
 * each return was keyed by the redemption it undoes. */
export const legacyOrderReturnKey = (orderId: string) =>
  `order:${orderId}:return-redeemed`

/** Marks reverse entries that take back points an order earned. */
export const EARN_REVERSAL = "earn-reversal"

/** Marks the entry that gives back a canceled order's redeemed points. */
export const REDEMPTION_RETURN = "redemption-return"
