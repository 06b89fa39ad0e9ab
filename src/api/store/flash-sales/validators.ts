import { z } from "@medusajs/framework/zod"
import { FLASH_SALE_RESERVATION_STATUSES } from "../../../modules/flash-sale"

const currencyChoice = {
  currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter code")
    .transform((code) => code.toLowerCase())
    .optional(),
  region_id: z.string().min(1).optional(),
}

/** `GET /store/flash-sales`: prices in a currency, or the region's. */
export const StoreListFlashSales = z.object(currencyChoice).strict()
export type StoreListFlashSalesType = z.infer<typeof StoreListFlashSales>

/** `GET /store/flash-sales/:id` */
export const StoreGetFlashSale = z.object(currencyChoice).strict()
export type StoreGetFlashSaleType = z.infer<typeof StoreGetFlashSale>

/** `POST /store/flash-sales/:id/reservations` */
export const StoreReserveFlashSaleItem = z
  .object({
    item_id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/, "item_id must be a flash sale item id"),
    quantity: z.number().int().min(1).max(1000),
    /** Reserve straight into this cart; without it, the reservation alone. */
    cart_id: z.string().min(1).optional(),
  })
  .strict()
export type StoreReserveFlashSaleItemType = z.infer<
  typeof StoreReserveFlashSaleItem
>

/** `POST /store/carts/:id/flash-sale-reservations` */
export const StoreAddFlashSaleReservationToCart = z
  .object({ reservation_id: z.string().min(1) })
  .strict()
export type StoreAddFlashSaleReservationToCartType = z.infer<
  typeof StoreAddFlashSaleReservationToCart
>

/** `GET /store/customers/me/flash-sale-reservations` */
export const StoreListFlashSaleReservations = z
  .object({
    status: z.enum(FLASH_SALE_RESERVATION_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreListFlashSaleReservationsType = z.infer<
  typeof StoreListFlashSaleReservations
>
