import type { Redis } from "ioredis"
import type { FlashSaleStore } from "../../store/flash-sale-store"
import { loadedSalesKey, saleKeys } from "./keys"
import { parseReservationDetails, type FlashSaleScripts } from "./scripts"

/** What `reconcileSale` works with. */
export type ReconcileDeps = {
  redis: Redis
  scripts: FlashSaleScripts
  store: FlashSaleStore
  keyPrefix: string
  batchSize: number
}

/**
 * Settles a sale's Redis entries past their deadline that PostgreSQL no
 * longer holds as active: ended or bought there while the Redis settle was
 * lost (a crash between the two writes, or a rebuild reading a snapshot
 * just before a release). Returns how many it settled.
 */
export async function reconcileSale(
  { redis, scripts, store, keyPrefix, batchSize }: ReconcileDeps,
  saleId: string,
  now: Date
): Promise<number> {
  const keys = saleKeys(keyPrefix, saleId)
  if (!(await redis.exists(keys.sale))) {
    await redis.srem(loadedSalesKey(keyPrefix), saleId)
    return 0
  }

  let reconciled = 0
  for (;;) {
    const ids = await redis.zrangebyscore(
      keys.expiries,
      "-inf",
      now.getTime(),
      "LIMIT",
      0,
      batchSize
    )
    if (!ids.length) {
      return reconciled
    }
    const rows = await store.findReservations(ids)
    const byId = new Map(rows.map((row) => [row.id, row]))
    const details = await redis.hmget(keys.reservations, ...ids)

    let settled = 0
    for (const [index, id] of ids.entries()) {
      const row = byId.get(id)
      if (row?.status === "active") {
        // Not yet expired in PostgreSQL; a later sweep will see it.
        continue
      }
      // No row: Redis admitted it but the PostgreSQL write never landed.
      const units = row ?? parseReservationDetails(id, details[index])
      if (!units) {
        await redis.zrem(keys.expiries, id)
        continue
      }
      // Bought units stay sold, and a returned purchase's units went back
      // when it was returned: only holds that ended unbought give any back.
      const giveBack =
        !row || row.status === "released" || row.status === "expired"
      if (await scripts.settle(keys, units, giveBack)) {
        settled++
      }
    }
    reconciled += settled
    if (ids.length < batchSize || !settled) {
      return reconciled
    }
  }
}
