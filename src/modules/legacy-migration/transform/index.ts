import type { Document } from "bson"
import type { LegacyCollection } from "../types"
import type { TransformResult } from "./check"
import { transformFlashSale } from "./flash-sales"
import { transformLoyaltyTransaction } from "./loyalty"
import { transformOrder } from "./orders"
import { transformProduct } from "./products"
import type {
  CustomerRecord,
  FlashSaleRecord,
  LoyaltyTransactionRecord,
  OrderRecord,
  ProductRecord,
  ReviewRecord,
} from "./records"
import { MemoryMigratedIndex, type MigratedIndex } from "./references"
import { transformReview } from "./reviews"
import { transformUser } from "./users"

/** The record each collection migrates to. */
export type RecordOf = {
  users: CustomerRecord
  products: ProductRecord
  orders: OrderRecord
  reviews: ReviewRecord
  loyaltytransactions: LoyaltyTransactionRecord
  flashsales: FlashSaleRecord
}

/** Validates and converts one legacy document of `collection`. */
export function transformDocument<C extends LegacyCollection>(
  collection: C,
  document: Document,
  migrated: MigratedIndex
): TransformResult<RecordOf[C]> {
  const transforms: {
    [K in LegacyCollection]: (
      d: Document,
      m: MigratedIndex
    ) => TransformResult<RecordOf[K]>
  } = {
    users: transformUser,
    products: (d) => transformProduct(d),
    orders: transformOrder,
    reviews: transformReview,
    loyaltytransactions: transformLoyaltyTransaction,
    flashsales: transformFlashSale,
  }
  return transforms[collection](document, migrated)
}

/** Registers a migrated document so later documents may point at it. */
export function rememberMigrated<C extends LegacyCollection>(
  index: MemoryMigratedIndex,
  collection: C,
  result: TransformResult<RecordOf[C]>
): void {
  if (!result.ok) {
    return
  }
  if (
    collection === "users" ||
    collection === "products" ||
    collection === "orders"
  ) {
    const email =
      collection === "users"
        ? (result.record as CustomerRecord).email
        : undefined
    index.add(collection, result.legacyId, email)
  }
}

export { MemoryMigratedIndex }
export type { Migrated, Quarantined } from "./check"
export type { MigratedIndex, TransformResult }
