import type { Pool } from "mariadb"
import { errorCode, errorMessage } from "../deploy/errors"
import { parseMysqlUrl } from "../deploy/mysql-url"
import { openTargetPool } from "../run/connections"

/** A category row of the MySQL target. */
export type CategoryRow = { id: number; name: string; slug: string }

/** A product row with its category's slug and its variants. */
export type ProductRow = {
  id: number
  legacy_id: string
  name: string
  slug: string
  description: string | null
  price: string
  is_active: number
  deleted_at: Date | null
  category_slug: string | null
  variants: VariantRow[]
}

export type VariantRow = {
  product_id: number
  position: number
  sku: string
  name: string
  price: string
  compare_at_price: string | null
  stock: number
  weight_grams: number | null
}

/** A customer row with its addresses. */
export type CustomerRow = {
  id: number
  legacy_id: string
  email: string
  password_hash: string
  first_name: string
  last_name: string | null
  phone: string | null
  loyalty_points: number
  deleted_at: Date | null
  addresses: AddressRow[]
}

export type AddressRow = {
  customer_id: number
  position: number
  label: string | null
  full_name: string | null
  line1: string
  line2: string | null
  city: string
  postal_code: string | null
  country_code: string
  phone: string | null
  is_default: number
}

/**
 * Opens the stage-1 database of `url` (LEGACY_MYSQL_URL by default), runs
 * `work` and closes it. A database without the stage-1 tables fails with
 * what to do.
 */
export async function withLegacyMysql<T>(
  url: string | undefined,
  work: (pool: Pool) => Promise<T>
): Promise<T> {
  const wanted = url ?? process.env.LEGACY_MYSQL_URL
  const { pool, target } = await openTargetPool(wanted).catch((error) => {
    if (/Unknown database/i.test(errorMessage(error))) {
      const { database, host, port } = parseMysqlUrl(wanted)
      throw new Error(
        `${database} does not exist on ${host}:${port}: run stage 1 (npm run migrate:legacy -- --dump <dir>) first`
      )
    }
    throw error
  })
  try {
    try {
      await pool.query("SELECT 1 FROM customers LIMIT 1")
    } catch (error) {
      if (errorCode(error) === "ER_NO_SUCH_TABLE") {
        throw new Error(
          `${target.database} on ${target.host}:${target.port} has no legacy tables: run stage 1 (npm run migrate:legacy -- --dump <dir>) first`
        )
      }
      throw error
    }
    return await work(pool)
  } finally {
    await pool.end()
  }
}

type Keyed = { id: number }

/**
 * Pages through a table in primary key order (`id > last`), so each page
 * costs one indexed range read however deep into the table it is.
 */
export async function* keysetPages<T extends Keyed>(
  pool: Pool,
  select: string,
  size: number
): AsyncGenerator<T[]> {
  let last = 0
  for (;;) {
    const rows: T[] = await pool.query(
      `${select} WHERE t.id > ? ORDER BY t.id LIMIT ?`,
      [last, size]
    )
    if (!rows.length) {
      return
    }
    yield rows
    last = rows[rows.length - 1].id
  }
}

function groupBy<T, K extends keyof T>(rows: T[], key: K): Map<T[K], T[]> {
  const groups = new Map<T[K], T[]>()
  for (const row of rows) {
    const list = groups.get(row[key]) ?? []
    list.push(row)
    groups.set(row[key], list)
  }
  return groups
}

/** Every category (a legacy store has a handful). */
export async function readCategories(pool: Pool): Promise<CategoryRow[]> {
  return await pool.query("SELECT id, name, slug FROM categories ORDER BY id")
}

/** Products a page at a time, each with its variants in position order. */
export async function* productPages(
  pool: Pool,
  size: number
): AsyncGenerator<ProductRow[]> {
  const select = `SELECT t.id, t.legacy_id, t.name, t.slug, t.description,
      t.price, t.is_active, t.deleted_at, c.slug AS category_slug
    FROM products t LEFT JOIN categories c ON c.id = t.category_id`
  for await (const page of keysetPages<Omit<ProductRow, "variants">>(
    pool,
    select,
    size
  )) {
    const variants: VariantRow[] = await pool.query(
      `SELECT product_id, position, sku, name, price, compare_at_price, stock,
         weight_grams
       FROM product_variants WHERE product_id IN (?)
       ORDER BY product_id, position`,
      [page.map((p) => p.id)]
    )
    const byProduct = groupBy(variants, "product_id")
    yield page.map((p) => ({ ...p, variants: byProduct.get(p.id) ?? [] }))
  }
}

/** Customers a page at a time, each with its addresses in position order. */
export async function* customerPages(
  pool: Pool,
  size: number
): AsyncGenerator<CustomerRow[]> {
  const select = `SELECT t.id, t.legacy_id, t.email, t.password_hash,
      t.first_name, t.last_name, t.phone, t.loyalty_points, t.deleted_at
    FROM customers t`
  for await (const page of keysetPages<Omit<CustomerRow, "addresses">>(
    pool,
    select,
    size
  )) {
    const addresses: AddressRow[] = await pool.query(
      `SELECT customer_id, position, label, full_name, line1, line2, city,
         postal_code, country_code, phone, is_default
       FROM customer_addresses WHERE customer_id IN (?)
       ORDER BY customer_id, position`,
      [page.map((c) => c.id)]
    )
    const byCustomer = groupBy(addresses, "customer_id")
    yield page.map((c) => ({ ...c, addresses: byCustomer.get(c.id) ?? [] }))
  }
}

/** How much of each entity MySQL holds: rows, or units for stock and points. */
export type Stage2Totals = Record<
  | "categories"
  | "products"
  | "variants"
  | "prices"
  | "stock"
  | "customers"
  | "addresses"
  | "legacy_logins"
  | "loyalty_balances",
  number
>

/** What stage 2 will go through, counted up front for progress and ETA. */
export async function readStage2Totals(pool: Pool): Promise<Stage2Totals> {
  const [row] = await pool.query(
    `SELECT (SELECT COUNT(*) FROM categories) AS categories,
       (SELECT COUNT(*) FROM products) AS products,
       (SELECT COUNT(*) FROM product_variants) AS variants,
       (SELECT COALESCE(SUM(stock), 0) FROM product_variants) AS stock,
       (SELECT COUNT(*) FROM customers) AS customers,
       (SELECT COUNT(*) FROM customer_addresses) AS addresses,
       (SELECT COALESCE(SUM(loyalty_points), 0) FROM customers) AS points`
  )
  return {
    categories: Number(row.categories),
    products: Number(row.products),
    variants: Number(row.variants),
    prices: Number(row.variants),
    stock: Number(row.stock),
    customers: Number(row.customers),
    addresses: Number(row.addresses),
    legacy_logins: Number(row.customers),
    loyalty_balances: Number(row.points),
  }
}
