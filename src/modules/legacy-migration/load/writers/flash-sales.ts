import { replaceChildren, type ChildTable } from "../children"
import { upsertParents } from "../parents"
import type { CollectionWriter } from "./types"

const SALE_COLUMNS = [
  "legacy_id",
  "name",
  "starts_at",
  "ends_at",
  "is_active",
  "created_at",
  "deleted_at",
]

const ITEMS: ChildTable = {
  table: "flash_sale_items",
  columns: [
    "flash_sale_id",
    "product_id",
    "sale_price",
    "stock_limit",
    "sold_count",
    "per_customer_limit",
  ],
  key: ["flash_sale_id", "product_id"],
}

/** Flash sales with their products. */
export const writeFlashSales: CollectionWriter<"flashsales"> = async (
  connection,
  records,
  index
) => {
  const { ids, existed } = await upsertParents(
    connection,
    "flash_sales",
    SALE_COLUMNS,
    records.map((s) => [
      s.legacyId,
      s.name,
      s.startsAt,
      s.endsAt,
      s.isActive,
      s.createdAt,
      s.deletedAt,
    ])
  )
  const items = records.flatMap((s) =>
    s.items.map((i) => [
      ids.get(s.legacyId) ?? 0,
      index.rowId("products", i.productLegacyId),
      i.salePrice,
      i.stockLimit,
      i.soldCount,
      i.perCustomerLimit,
    ])
  )
  await replaceChildren(connection, ITEMS, items, existed)
}
