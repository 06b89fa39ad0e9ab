import type { Pool } from "mariadb"
import type { LegacyCollection } from "../types"
import { decimalToCents } from "../utils/money"

/**
 * One query per collection computing, from the target tables, the same sums
 * the run took from the source: `alias → sum key`, money in cents.
 */
const TARGET_SUMS: Record<LegacyCollection, { sql: string; money: string[] }> =
  {
    products: {
      sql: `SELECT
      (SELECT COUNT(*) FROM products) AS \`rows\`,
      (SELECT COALESCE(SUM(price), 0) FROM products) AS priceCents,
      (SELECT COUNT(*) FROM product_variants) AS variants,
      (SELECT COALESCE(SUM(price), 0) FROM product_variants) AS variantPriceCents,
      (SELECT COUNT(*) FROM categories) AS categories`,
      money: ["priceCents", "variantPriceCents"],
    },
    users: {
      sql: `SELECT
      (SELECT COUNT(*) FROM customers) AS \`rows\`,
      (SELECT COALESCE(SUM(loyalty_points), 0) FROM customers) AS loyaltyPoints,
      (SELECT COUNT(*) FROM customer_addresses) AS addresses,
      (SELECT COUNT(*) FROM wishlist_items) AS wishlistItems`,
      money: [],
    },
    orders: {
      sql: `SELECT
      (SELECT COUNT(*) FROM orders) AS \`rows\`,
      (SELECT COALESCE(SUM(total), 0) FROM orders) AS totalCents,
      (SELECT COALESCE(SUM(subtotal), 0) FROM orders) AS subtotalCents,
      (SELECT COUNT(*) FROM order_items) AS items,
      (SELECT COUNT(*) FROM order_status_events) AS statusEvents`,
      money: ["totalCents", "subtotalCents"],
    },
    reviews: {
      sql: `SELECT COUNT(*) AS \`rows\`, COALESCE(SUM(rating), 0) AS ratingSum
      FROM reviews`,
      money: [],
    },
    loyaltytransactions: {
      sql: `SELECT COUNT(*) AS \`rows\`, COALESCE(SUM(points), 0) AS points,
      COUNT(order_id) AS withOrder FROM loyalty_transactions`,
      money: [],
    },
    flashsales: {
      sql: `SELECT
      (SELECT COUNT(*) FROM flash_sales) AS \`rows\`,
      (SELECT COUNT(*) FROM flash_sale_items) AS items`,
      money: [],
    },
  }

/** The counts and sums of `collection`'s tables in the target. */
export async function targetSums(
  pool: Pool,
  collection: LegacyCollection
): Promise<Record<string, number>> {
  const { sql, money } = TARGET_SUMS[collection]
  const [row]: Record<string, string | number | bigint>[] =
    await pool.query(sql)
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      money.includes(key) ? decimalToCents(String(value)) : Number(value),
    ])
  )
}
