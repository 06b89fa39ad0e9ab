import { graphByIds, type Query } from "./_graph"

/** Order states whose lines do not count as sold. */
const UNSOLD_ORDER_STATUSES = new Set(["canceled", "draft"])

type OrderItemRow = {
  item_id: string
  quantity: number | string
  version: number
  order?: { status: string; version: number } | null
}

type SaleItemRow = {
  variant_id: string
  sale?: {
    status: string
    starts_at: string | Date
    ends_at: string | Date
  } | null
}

/**
 * Units of each product bought in orders that are neither canceled nor
 * drafts, counted on each order's current version.
 */
export async function unitsSoldByProduct(
  query: Query,
  productIds: string[]
): Promise<Map<string, number>> {
  const sold = new Map<string, number>()
  if (!productIds.length) {
    return sold
  }
  const lines = await graphByIds<{ id: string; product_id: string | null }>(
    query,
    "order_line_item",
    ["id", "product_id"],
    "product_id",
    productIds
  )
  const productOf = new Map(lines.map((line) => [line.id, line.product_id]))
  if (!productOf.size) {
    return sold
  }
  const items = await graphByIds<OrderItemRow>(
    query,
    "order_item",
    ["item_id", "quantity", "version", "order.status", "order.version"],
    "item_id",
    [...productOf.keys()]
  )
  for (const item of items) {
    const order = item.order
    const product = productOf.get(item.item_id)
    if (
      !order ||
      !product ||
      order.version !== item.version ||
      UNSOLD_ORDER_STATUSES.has(order.status)
    ) {
      continue
    }
    sold.set(product, (sold.get(product) ?? 0) + Number(item.quantity))
  }
  return sold
}

function isLive(sale: SaleItemRow["sale"], now: number): boolean {
  return (
    !!sale &&
    sale.status === "active" &&
    new Date(sale.starts_at).getTime() <= now &&
    now < new Date(sale.ends_at).getTime()
  )
}

/** Products with a variant in a flash sale that is active now. */
export async function productsOnFlashSale(
  query: Query,
  productByVariant: Map<string, string>
): Promise<Set<string>> {
  const on = new Set<string>()
  if (!productByVariant.size) {
    return on
  }
  const items = await graphByIds<SaleItemRow>(
    query,
    "flash_sale_item",
    ["variant_id", "sale.status", "sale.starts_at", "sale.ends_at"],
    "variant_id",
    [...productByVariant.keys()]
  )
  const now = Date.now()
  for (const item of items) {
    const product = productByVariant.get(item.variant_id)
    if (product && isLive(item.sale, now)) {
      on.add(product)
    }
  }
  return on
}
