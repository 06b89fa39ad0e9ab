import type { Document } from "bson"
import { DocumentCheck, type TransformResult } from "./check"
import type { FlashSaleItemRecord, FlashSaleRecord } from "./records"
import type { MigratedIndex } from "./references"
import { list, objectIdTime, parseObjectId, record, text } from "./values"

function item(check: DocumentCheck, value: unknown, position: number) {
  const entry = record(value)
  const field = `products.${position}`
  const product = parseObjectId(entry.product)
  const stockLimit = check.integer(entry.quantity ?? 0, `${field}.quantity`, 0)
  if (entry.originalPrice !== undefined && entry.originalPrice !== null) {
    // Not kept (the product has its price) but checked, as garbage here is a bad sign.
    check.money(entry.originalPrice, `${field}.originalPrice`)
  }
  return {
    product: product.ok ? product.value : null,
    salePrice: check.money(entry.salePrice, `${field}.salePrice`),
    stockLimit,
    soldCount: check.integer(entry.sold ?? 0, `${field}.sold`, 0),
    perCustomerLimit:
      entry.limitPerUser === undefined || entry.limitPerUser === null
        ? null
        : check.integer(entry.limitPerUser, `${field}.limitPerUser`, 1),
  }
}

/**
 * A legacy `flashsales` document with its products. Lines for products that
 * did not migrate are dropped (and counted); the sale itself still migrates.
 */
export function transformFlashSale(
  document: Document,
  migrated: MigratedIndex
): TransformResult<FlashSaleRecord> {
  const check = new DocumentCheck(document)
  check.require(["name", "startTime", "endTime"])
  if (check.failed) {
    return check.quarantine()
  }
  const createdAt = check.date(
    document.createdAt,
    "createdAt",
    objectIdTime(check.legacyId)
  )
  const startsAt = check.date(document.startTime, "startTime", createdAt)
  const endsAt = check.date(document.endTime, "endTime", createdAt)
  if (endsAt.getTime() < startsAt.getTime()) {
    check.fail("invalid_value", "endTime is before startTime")
  }
  const deletedAt = check.optionalDate(document.deletedAt, "deletedAt")
  const lines = list(document.products).map((v, i) => item(check, v, i))

  return check.finish(() => {
    const seen = new Set<string>()
    const items: FlashSaleItemRecord[] = []
    for (const { product, ...line } of lines) {
      if (product && migrated.has("products", product) && !seen.has(product)) {
        seen.add(product)
        items.push({ productLegacyId: product, ...line })
      }
    }
    return {
      legacyId: check.legacyId ?? "",
      name: text(document.name, 200) ?? "",
      startsAt,
      endsAt,
      isActive: document.isActive === true,
      createdAt,
      deletedAt,
      items,
      droppedItems: lines.length - items.length,
    }
  })
}
