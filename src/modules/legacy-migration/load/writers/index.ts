import type { LegacyCollection } from "../../types"
import { writeFlashSales } from "./flash-sales"
import { writeLoyaltyTransactions } from "./loyalty"
import { writeOrders } from "./orders"
import { writeProducts } from "./products"
import { writeReviews } from "./reviews"
import type { CollectionWriter } from "./types"
import { writeUsers } from "./users"

const WRITERS: { [C in LegacyCollection]: CollectionWriter<C> } = {
  products: writeProducts,
  users: writeUsers,
  orders: writeOrders,
  reviews: writeReviews,
  loyaltytransactions: writeLoyaltyTransactions,
  flashsales: writeFlashSales,
}

/** The writer of `collection`'s records. */
export function writerOf<C extends LegacyCollection>(
  collection: C
): CollectionWriter<C> {
  return WRITERS[collection]
}

export type { CollectionWriter }
