import type { FlashSaleReservationStatus } from "../../../modules/flash-sale"
import { carriesFlashSale, reservationIdOf, saleIdOf } from "./line-items"

/** The line item fields the check reads. */
export type CartLine = {
  id: string
  title?: string | null
  product_title?: string | null
  variant_id?: string | null
  quantity: number | string | { toString(): string }
  metadata?: Record<string, unknown> | null
}

/** The reservation fields the check reads. */
export type HeldReservation = {
  id: string
  customer_id: string
  cart_id: string | null
  quantity: number
  status: FlashSaleReservationStatus
  expires_at: Date | string
  item: { variant_id: string; sale_id: string }
}

/** The cart the check is for. */
export type CheckedCart = { id: string; customer_id?: string | null }

const AGAIN = "remove it from your cart and reserve it again while units last"

/**
 * Why a cart's flash-sale lines cannot be bought, or null when every one is
 * backed by an active, unexpired reservation of the cart's customer, placed
 * in this cart, for the same sale, variant and quantity, each used once. A
 * line carrying a flash-sale key without a reservation is refused too.
 */
export function cartReservationProblem(
  lines: (CartLine | null)[],
  reservations: HeldReservation[],
  cart: CheckedCart,
  now: Date
): string | null {
  const byId = new Map(reservations.map((r) => [r.id, r]))
  const used = new Set<string>()
  for (const line of lines) {
    if (!line || !carriesFlashSale(line)) {
      continue
    }
    const name = line.product_title || line.title || "a flash-sale item"
    const id = reservationIdOf(line)
    const reservation = id ? byId.get(id) : undefined
    if (
      !id ||
      !reservation ||
      !cart.customer_id ||
      reservation.customer_id !== cart.customer_id ||
      reservation.cart_id !== cart.id ||
      reservation.item.sale_id !== saleIdOf(line)
    ) {
      return `Your flash-sale reservation for ${name} was not found; ${AGAIN}`
    }
    if (used.has(id)) {
      return `Your flash-sale reservation for ${name} is in your cart twice; remove one of the lines`
    }
    used.add(id)
    if (reservation.status === "converted") {
      return `Your flash-sale reservation for ${name} was already purchased; remove it from your cart`
    }
    if (
      reservation.status !== "active" ||
      new Date(reservation.expires_at) <= now
    ) {
      const what =
        reservation.status === "released" ? "was released" : "expired"
      return `Your flash-sale reservation for ${name} ${what}; ${AGAIN}`
    }
    if (
      reservation.item.variant_id !== line.variant_id ||
      Number(line.quantity.toString()) !== reservation.quantity
    ) {
      return `Your flash-sale reservation for ${name} covers ${reservation.quantity} unit(s) of the reserved variant; set the line back to that, or ${AGAIN}`
    }
  }
  return null
}
