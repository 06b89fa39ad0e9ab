import type { FlashSaleStatus } from "../../../modules/flash-sale"
import { flashPriceIn } from "./prices"

/** The sale fields shoppers see, items included, as a `select` list. */
export const STORE_SALE_SELECT = [
  "id",
  "title",
  "status",
  "starts_at",
  "ends_at",
  "items.id",
  "items.variant_id",
  "items.prices",
  "items.units_allocated",
  "items.units_sold",
  "items.units_reserved",
  "items.per_customer_limit",
]

/** The sale fields shoppers see, items included. */
export type StoreSaleRecord = {
  id: string
  title: string
  status: FlashSaleStatus
  starts_at: Date
  ends_at: Date
  items: {
    id: string
    variant_id: string
    prices: Record<string, unknown>
    units_allocated: number
    units_sold: number
    units_reserved: number
    per_customer_limit: number
  }[]
}

/** Where a sale stands for shoppers at `now`. */
export function saleState(
  sale: Pick<StoreSaleRecord, "status" | "starts_at" | "ends_at">,
  now: Date
): "upcoming" | "active" | "ended" {
  if (sale.status === "ended" || sale.ends_at <= now) {
    return "ended"
  }
  return sale.starts_at > now ? "upcoming" : "active"
}

const secondsUntil = (at: Date, now: Date) =>
  Math.max(Math.ceil((at.getTime() - now.getTime()) / 1000), 0)

/** A sale as shoppers see it: timing, and each item's price and units left. */
export function storeFlashSale(
  sale: StoreSaleRecord,
  now: Date,
  currencyCode: string | null
) {
  return {
    id: sale.id,
    title: sale.title,
    state: saleState(sale, now),
    starts_at: sale.starts_at,
    ends_at: sale.ends_at,
    starts_in_seconds: secondsUntil(sale.starts_at, now),
    ends_in_seconds: secondsUntil(sale.ends_at, now),
    items: sale.items.map((item) => ({
      id: item.id,
      variant_id: item.variant_id,
      price: flashPriceIn(item.prices, currencyCode),
      prices: item.prices,
      units_left: Math.max(
        item.units_allocated - item.units_sold - item.units_reserved,
        0
      ),
      per_customer_limit: item.per_customer_limit,
    })),
  }
}
