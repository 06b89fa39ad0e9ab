import { insertRows } from "../sql"
import type { CollectionWriter } from "./types"

const COLUMNS = [
  "legacy_id",
  "customer_id",
  "order_id",
  "type",
  "points",
  "balance_after",
  "description",
  "created_at",
]

/** Loyalty ledger entries, linked to their customer and (when known) order. */
export const writeLoyaltyTransactions: CollectionWriter<
  "loyaltytransactions"
> = async (connection, records, index) => {
  await insertRows(
    connection,
    "loyalty_transactions",
    COLUMNS,
    records.map((t) => [
      t.legacyId,
      index.rowId("users", t.customerLegacyId),
      index.optionalRowId("orders", t.orderLegacyId),
      t.type,
      t.points,
      t.balanceAfter,
      t.description,
      t.createdAt,
    ]),
    COLUMNS.slice(1)
  )
}
