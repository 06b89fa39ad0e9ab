/** Redis key names of one sale; all share the hash tag `{sale:<id>}`. */
export type SaleKeys = {
  /** Hash: `starts_at`, `ends_at` (epoch ms), `status`, `keys_expire_at`. */
  sale: string
  /** Sorted set: active reservation ids scored by their deadline (ms). */
  expiries: string
  /** Hash: reservation id to its JSON details (item, customer, quantity). */
  reservations: string
  /** String: the token of the instance rebuilding the sale from PostgreSQL. */
  lock: string
  /** Hash per item: `available` units and the per-customer `limit`. */
  item: (itemId: string) => string
  /** Hash per item: customer id to units held or bought. */
  customers: (itemId: string) => string
}

/**
 * The keys of a sale. One hash tag for all of them puts them in one cluster
 * slot, so a script may touch any of them (all passed in KEYS).
 */
export function saleKeys(prefix: string, saleId: string): SaleKeys {
  const base = `${prefix}:{sale:${saleId}}`
  return {
    sale: base,
    expiries: `${base}:expiries`,
    reservations: `${base}:reservations`,
    lock: `${base}:rebuild-lock`,
    item: (itemId) => `${base}:item:${itemId}`,
    customers: (itemId) => `${base}:cust:${itemId}`,
  }
}

/** Set of the sale ids with a Redis copy, walked by the sweeper. */
export function loadedSalesKey(prefix: string): string {
  return `${prefix}:sales`
}

/** Sorted set of one rate-limit key's recent attempts. */
export function attemptsKey(prefix: string, key: string): string {
  return `${prefix}:attempts:${key}`
}
