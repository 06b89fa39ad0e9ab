import { MedusaError } from "@medusajs/framework/utils"
import {
  carriesFlashSale,
  RESERVATION_ID_KEY,
  reservationIdOf,
  SALE_ID_KEY,
  type WithMetadata,
} from "./line-items"

/** A line item with the reservation its quantity must match. */
export type FlashLine = NonNullable<WithMetadata> & {
  id: string
  quantity: unknown
}

/**
 * Throws `NOT_ALLOWED` when an update would set a flash-sale line to a
 * quantity other than 0 (remove it) or the units its reservation holds:
 * more would buy units nobody reserved at the flash price, fewer would
 * keep units held that the cart no longer buys.
 */
export function assertFlashLineQuantity(
  line: FlashLine | undefined,
  quantity: unknown,
  reserved: number | null
): void {
  if (!line || !reservationIdOf(line) || quantity === undefined) {
    return
  }
  const wanted = Number(quantity)
  if (wanted === 0 || (reserved !== null && wanted === reserved)) {
    return
  }
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    reserved === null
      ? "This flash-sale item's reservation was not found; remove it from your cart and reserve it again"
      : `This flash-sale item holds ${reserved} reserved unit(s) at the flash price; keep ${reserved}, or remove it and reserve the quantity you want`
  )
}

/**
 * Throws `NOT_ALLOWED` when an update's metadata would set, change or remove
 * a line's flash-sale keys, or wipe a flash-sale line's metadata: the keys
 * tie the flash price to the reservation that checkout checks.
 */
export function assertFlashKeysKept(
  line: WithMetadata | undefined,
  metadata: Record<string, unknown> | null | undefined
): void {
  const touchesKeys =
    metadata === null
      ? carriesFlashSale(line ?? null)
      : !!metadata &&
        (RESERVATION_ID_KEY in metadata || SALE_ID_KEY in metadata)
  if (touchesKeys) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The flash-sale details of a cart item cannot be changed; remove the item and reserve it again"
    )
  }
}
