import type { Connection } from "mariadb"
import type { OrderRecord } from "../../transform/records"
import { replaceChildren, type ChildTable } from "../children"
import { upsertParents } from "../parents"
import type { CollectionWriter } from "./types"

const ORDER_COLUMNS = [
  "legacy_id",
  "order_number",
  "customer_id",
  "status",
  "currency_code",
  "subtotal",
  "shipping_total",
  "discount_total",
  "total",
  "payment_method",
  "payment_status",
  "payment_ref",
  "paid_at",
  "shipping_address",
  "placed_at",
  "created_at",
  "updated_at",
  "deleted_at",
]

const ITEMS: ChildTable = {
  table: "order_items",
  columns: [
    "order_id",
    "position",
    "product_id",
    "variant_id",
    "product_name",
    "sku",
    "unit_price",
    "quantity",
    "line_total",
  ],
  key: ["order_id", "position"],
}

const STATUS_EVENTS: ChildTable = {
  table: "order_status_events",
  columns: ["order_id", "position", "status", "note", "occurred_at"],
  key: ["order_id", "position"],
}

type VariantRow = { id: number; sku: string; product: string }

/** Variant ids by `product legacy id + SKU`: a line's SKU names its variant. */
async function variantIds(
  connection: Connection,
  records: OrderRecord[]
): Promise<Map<string, number>> {
  const skus = new Set<string>()
  records.forEach((o) =>
    o.items.forEach((i) => i.sku && i.productLegacyId && skus.add(i.sku))
  )
  const rows: VariantRow[] = skus.size
    ? await connection.query(
        `SELECT v.id, v.sku, p.legacy_id AS product FROM product_variants v
         JOIN products p ON p.id = v.product_id WHERE v.sku IN (?)`,
        [[...skus]]
      )
    : []
  return new Map(rows.map((row) => [`${row.product}:${row.sku}`, row.id]))
}

/** Orders with their lines and status history. */
export const writeOrders: CollectionWriter<"orders"> = async (
  connection,
  records,
  index
) => {
  const { ids, existed } = await upsertParents(
    connection,
    "orders",
    ORDER_COLUMNS,
    records.map((o) => [
      o.legacyId,
      o.orderNumber,
      index.rowId("users", o.customerLegacyId),
      o.status,
      o.currencyCode,
      o.subtotal,
      o.shippingTotal,
      o.discountTotal,
      o.total,
      o.paymentMethod,
      o.paymentStatus,
      o.paymentRef,
      o.paidAt,
      o.shippingAddress ? JSON.stringify(o.shippingAddress) : null,
      o.placedAt,
      o.createdAt,
      o.updatedAt,
      o.deletedAt,
    ])
  )
  const variants = await variantIds(connection, records)
  const idOf = (o: OrderRecord) => ids.get(o.legacyId) ?? 0
  const items = records.flatMap((o) =>
    o.items.map((i) => [
      idOf(o),
      i.position,
      index.optionalRowId("products", i.productLegacyId),
      variants.get(`${i.productLegacyId}:${i.sku}`) ?? null,
      i.productName,
      i.sku,
      i.unitPrice,
      i.quantity,
      i.lineTotal,
    ])
  )
  await replaceChildren(connection, ITEMS, items, existed)
  const events = records.flatMap((o) =>
    o.statusEvents.map((e) => [
      idOf(o),
      e.position,
      e.status,
      e.note,
      e.occurredAt,
    ])
  )
  await replaceChildren(connection, STATUS_EVENTS, events, existed)
}
