import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reservationIdOf } from "./line-items"
import { flashSaleService } from "./module"

/** The line items of one open cart that carry some of the reservations. */
export type ReservationLines = {
  cart_id: string
  item_ids: string[]
}

/**
 * Finds the line items that carry the given reservations, grouped by cart.
 * Completed carts are left out: their items are part of an order.
 */
export async function findReservationLines(
  container: Pick<MedusaContainer, "resolve">,
  reservationIds: string[]
): Promise<ReservationLines[]> {
  if (!reservationIds.length) {
    return []
  }
  const reservations = await flashSaleService(
    container
  ).listFlashSaleReservations(
    { id: reservationIds },
    { select: ["id", "cart_id"] }
  )
  const cartIds = [
    ...new Set(
      reservations.flatMap(({ cart_id }) => (cart_id ? [cart_id] : []))
    ),
  ]
  if (!cartIds.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "items.id", "items.metadata"],
    filters: { id: cartIds },
  })
  const wanted = new Set(reservationIds)
  return carts.flatMap((cart) => {
    const itemIds = (cart.items ?? []).flatMap((item) => {
      const id = reservationIdOf(item)
      return item && id && wanted.has(id) ? [item.id] : []
    })
    return !cart.completed_at && itemIds.length
      ? [{ cart_id: cart.id, item_ids: itemIds }]
      : []
  })
}

/**
 * Whether the reservation is bought by a checked-out cart: the cart is
 * completed and one of its items carries the reservation.
 */
export async function isInCompletedCart(
  container: Pick<MedusaContainer, "resolve">,
  reservation: { id: string; cart_id: string | null }
): Promise<boolean> {
  if (!reservation.cart_id) {
    return false
  }
  const { data: carts } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({
      entity: "cart",
      fields: ["id", "completed_at", "items.id", "items.metadata"],
      filters: { id: reservation.cart_id },
    })
  const cart = carts[0]
  return (
    !!cart?.completed_at &&
    (cart.items ?? []).some((item) => reservationIdOf(item) === reservation.id)
  )
}
