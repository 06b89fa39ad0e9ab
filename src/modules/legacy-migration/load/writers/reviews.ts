import { insertRows } from "../sql"
import type { CollectionWriter } from "./types"

const COLUMNS = [
  "legacy_id",
  "product_id",
  "customer_id",
  "rating",
  "title",
  "comment",
  "is_verified_purchase",
  "created_at",
  "deleted_at",
]

/** Reviews, linked to their product and author. */
export const writeReviews: CollectionWriter<"reviews"> = async (
  connection,
  records,
  index
) => {
  await insertRows(
    connection,
    "reviews",
    COLUMNS,
    records.map((r) => [
      r.legacyId,
      index.rowId("products", r.productLegacyId),
      index.rowId("users", r.customerLegacyId),
      r.rating,
      r.title,
      r.comment,
      r.isVerifiedPurchase,
      r.createdAt,
      r.deletedAt,
    ]),
    COLUMNS.slice(1)
  )
}
