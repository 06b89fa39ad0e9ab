import type { Document } from "bson"
import { DocumentCheck, type TransformResult } from "./check"
import type { ReviewRecord } from "./records"
import type { MigratedIndex } from "./references"
import { objectIdTime, text } from "./values"

/** A legacy `reviews` document; its product and its author must have migrated. */
export function transformReview(
  document: Document,
  migrated: MigratedIndex
): TransformResult<ReviewRecord> {
  const check = new DocumentCheck(document)
  check.require(["product", "user", "rating"])
  if (check.failed) {
    return check.quarantine()
  }
  const rating = check.integer(document.rating, "rating", 1, 5)
  const createdAt = check.date(
    document.createdAt,
    "createdAt",
    objectIdTime(check.legacyId)
  )
  const deletedAt = check.optionalDate(document.deletedAt, "deletedAt")
  const product = check.reference(document.product, "product")
  const customer = check.reference(document.user, "user")
  if (product && !migrated.has("products", product)) {
    check.fail("dangling_reference", `product ${product} did not migrate`)
  }
  if (customer && !migrated.has("users", customer)) {
    check.fail("dangling_reference", `user ${customer} did not migrate`)
  }

  return check.finish(() => ({
    legacyId: check.legacyId ?? "",
    productLegacyId: product,
    customerLegacyId: customer,
    rating,
    title: text(document.title, 200),
    comment: text(document.comment),
    isVerifiedPurchase: document.isVerifiedPurchase === true,
    createdAt,
    deletedAt,
  }))
}
