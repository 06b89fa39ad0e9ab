import type { Document } from "bson"
import { DocumentCheck, type TransformResult } from "./check"
import { LOYALTY_TYPES, type LoyaltyTransactionRecord } from "./records"
import type { MigratedIndex } from "./references"
import { objectIdTime, parseObjectId, text } from "./values"

/**
 * A legacy `loyaltytransactions` document. Its user must have migrated; an
 * unknown order only loses the link, since the points were really granted.
 */
export function transformLoyaltyTransaction(
  document: Document,
  migrated: MigratedIndex
): TransformResult<LoyaltyTransactionRecord> {
  const check = new DocumentCheck(document)
  check.require(["user", "type", "points"])
  if (check.failed) {
    return check.quarantine()
  }
  const type = check.oneOf(document.type, "type", LOYALTY_TYPES)
  const points = check.integer(document.points, "points")
  const balanceAfter =
    document.balanceAfter === undefined || document.balanceAfter === null
      ? null
      : check.integer(document.balanceAfter, "balanceAfter")
  const createdAt = check.date(
    document.createdAt,
    "createdAt",
    objectIdTime(check.legacyId)
  )
  const customer = check.reference(document.user, "user")
  if (customer && !migrated.has("users", customer)) {
    check.fail("dangling_reference", `user ${customer} did not migrate`)
  }
  const order = parseObjectId(document.order)

  return check.finish(() => ({
    legacyId: check.legacyId ?? "",
    customerLegacyId: customer,
    orderLegacyId:
      order.ok && migrated.has("orders", order.value) ? order.value : null,
    type,
    points,
    balanceAfter,
    description: text(document.description, 255),
    createdAt,
  }))
}
