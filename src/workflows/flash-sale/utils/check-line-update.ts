import { MedusaError } from "@medusajs/framework/utils"
import { reservationIdOf, type WithMetadata } from "./line-items"

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
