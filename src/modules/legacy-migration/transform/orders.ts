import type { Document } from "bson"
import { centsToDecimal } from "../utils/money"
import { DocumentCheck, type TransformResult } from "./check"
import {
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  type OrderItemRecord,
  type OrderRecord,
  type OrderStatusEventRecord,
} from "./records"
import type { MigratedIndex } from "./references"
import { list, objectIdTime, parseObjectId, record, text } from "./values"

function item(
  check: DocumentCheck,
  migrated: MigratedIndex,
  value: unknown,
  position: number
): OrderItemRecord {
  const line = record(value)
  const field = `items.${position}`
  const unitPrice = check.money(line.price, `${field}.price`)
  const quantity = check.integer(line.quantity, `${field}.quantity`, 1)
  const product = parseObjectId(line.product)
  const lineCents = Math.round(Number(unitPrice) * 100) * quantity
  return {
    position,
    productLegacyId:
      product.ok && migrated.has("products", product.value)
        ? product.value
        : null,
    sku: text(line.sku, 64),
    productName: text(line.name, 255) ?? "Article",
    unitPrice,
    quantity,
    lineTotal: centsToDecimal(lineCents),
  }
}

function statusEvent(
  check: DocumentCheck,
  value: unknown,
  position: number,
  placedAt: Date
): OrderStatusEventRecord {
  const event = record(value)
  const field = `statusHistory.${position}`
  return {
    position,
    status: check.oneOf(event.status, `${field}.status`, ORDER_STATUSES),
    note: text(event.note, 500),
    occurredAt: check.date(
      event.changedAt ?? event.date,
      `${field}.changedAt`,
      placedAt
    ),
  }
}

/**
 * A legacy `orders` document with its lines and status history. Its user must
 * have migrated; a line whose product is gone keeps its name and price.
 */
export function transformOrder(
  document: Document,
  migrated: MigratedIndex
): TransformResult<OrderRecord> {
  const check = new DocumentCheck(document)
  check.require(["orderNumber", "user", "total", "items"])
  if (!list(document.items).length) {
    check.fail("missing_required_field", "items is empty")
  }
  if (check.failed) {
    return check.quarantine()
  }
  const items = list(document.items).map((v, i) => item(check, migrated, v, i))
  const total = check.money(document.total, "total", 12)
  const subtotal = check.money(
    document.subtotal ?? document.total,
    "subtotal",
    12
  )
  const shippingTotal = check.money(document.shippingFee ?? 0, "shippingFee")
  const discountTotal = check.money(document.discount ?? 0, "discount")
  const status = check.oneOf(document.status, "status", ORDER_STATUSES)
  const payment = record(document.paymentInfo)
  const paymentStatus = check.oneOf(
    payment.status ?? "pending",
    "paymentInfo.status",
    PAYMENT_STATUSES
  )
  const paidAt = check.optionalDate(payment.paidAt, "paymentInfo.paidAt")
  const createdAt = check.date(
    document.createdAt,
    "createdAt",
    objectIdTime(check.legacyId)
  )
  const updatedAt = check.date(document.updatedAt, "updatedAt", createdAt)
  const deletedAt = check.optionalDate(document.deletedAt, "deletedAt")
  const statusEvents = list(document.statusHistory).map((v, i) =>
    statusEvent(check, v, i, createdAt)
  )
  const customer = check.reference(document.user, "user")
  if (customer && !migrated.has("users", customer)) {
    check.fail("dangling_reference", `user ${customer} did not migrate`)
  }

  return check.finish(() => ({
    legacyId: check.legacyId ?? "",
    orderNumber: text(document.orderNumber, 32) ?? "",
    customerLegacyId: customer,
    status,
    currencyCode: (text(document.currency) ?? "EUR").toUpperCase().slice(0, 3),
    subtotal,
    shippingTotal,
    discountTotal,
    total,
    paymentMethod: text(payment.method, 32),
    paymentStatus,
    paymentRef: text(payment.transactionId, 100),
    paidAt,
    shippingAddress: document.shippingAddress
      ? shippingAddress(record(document.shippingAddress))
      : null,
    placedAt: createdAt,
    createdAt,
    updatedAt,
    deletedAt,
    items,
    statusEvents,
  }))
}

function shippingAddress(
  address: Record<string, unknown>
): Record<string, unknown> {
  const { _id: _ignored, ...rest } = address
  return rest
}
