import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import type { FlashSaleStatus } from "../../../modules/flash-sale"
import { flashPriceIn } from "../../../workflows/flash-sale/utils/prices"

/** The sale fields the store routes read, items included. */
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

type StoreSaleRecord = {
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

/**
 * The currency to price in: the one asked for, else the region's, else
 * none (items then carry every price but no `price`).
 */
export async function requestedCurrency(
  scope: Pick<MedusaContainer, "resolve">,
  { currency_code, region_id }: { currency_code?: string; region_id?: string }
): Promise<string | null> {
  if (currency_code || !region_id) {
    return currency_code ?? null
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "region",
    fields: ["currency_code"],
    filters: { id: region_id },
  })
  if (!data[0]) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Region with id: ${region_id} was not found`
    )
  }
  return data[0].currency_code
}
