/** Line item metadata key holding the reservation that backs the item. */
export const RESERVATION_ID_KEY = "flash_sale_reservation_id"

/** Line item metadata key holding the item's flash sale. */
export const SALE_ID_KEY = "flash_sale_id"

/** Anything carrying line item metadata (cart and order items). */
export type WithMetadata = {
  metadata?: Record<string, unknown> | null
} | null

/** The reservation id a line item carries, or null for a regular item. */
export function reservationIdOf(item: WithMetadata): string | null {
  const id = item?.metadata?.[RESERVATION_ID_KEY]
  return typeof id === "string" && id ? id : null
}

/**
 * Whether a line item carries a flash-sale key, even an emptied one: such a
 * line was priced by a sale and must be backed by a reservation.
 */
export function carriesFlashSale(item: WithMetadata): boolean {
  const metadata = item?.metadata
  return (
    !!metadata &&
    (metadata[RESERVATION_ID_KEY] !== undefined ||
      metadata[SALE_ID_KEY] !== undefined)
  )
}

/** The flash sale a line item names, or null. */
export function saleIdOf(item: WithMetadata): string | null {
  const id = item?.metadata?.[SALE_ID_KEY]
  return typeof id === "string" && id ? id : null
}

/** The distinct reservation ids carried by `items`. */
export function reservationIdsOf(items: WithMetadata[] | null | undefined) {
  const ids = (items ?? []).map(reservationIdOf)
  return [...new Set(ids.filter((id): id is string => id !== null))]
}

/** What a cart line backed by a reservation is made of. */
export type FlashLine = {
  variant_id: string
  quantity: number
  unit_price: number
  reservation_id: string
  sale_id: string
}

/** The `addToCartWorkflow` items of a reserved line at the flash price. */
export function flashLineItems(line: FlashLine) {
  return [
    {
      variant_id: line.variant_id,
      quantity: line.quantity,
      unit_price: line.unit_price,
      metadata: {
        [RESERVATION_ID_KEY]: line.reservation_id,
        [SALE_ID_KEY]: line.sale_id,
      },
    },
  ]
}
