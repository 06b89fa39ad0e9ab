import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type {
  FlashSaleModuleService,
  FlashSaleReservationDTO,
} from "../../../modules/flash-sale"
import type { SoldOutEventData } from "../events"

/** How long a replacement hold lives before it is bought (immediately). */
const REBOOK_TTL_SECONDS = 60

/** A reservation bought for an order, and the sell-out a rebooking caused. */
export type OrderPurchase = {
  reservation: FlashSaleReservationDTO
  soldOut: SoldOutEventData | null
}

/**
 * Buys a reservation's units for an order. Checkout refuses lapsed holds,
 * but one can lapse between checkout and this call; its units are then
 * bought again if the sale still has them, so the sold count keeps matching
 * the orders. Returns null (and logs) when they are gone, or when the
 * reservation was released or returned (its order was canceled).
 */
export async function confirmForOrder(
  service: FlashSaleModuleService,
  logger: Logger,
  reservationId: string,
  orderId: string
): Promise<OrderPurchase | null> {
  try {
    const reservation = await service.confirm(reservationId, { orderId })
    return { reservation, soldOut: null }
  } catch (error) {
    if (!isRefusal(error)) {
      throw error
    }
  }
  const [lapsed] = await service.listFlashSaleReservations(
    { id: reservationId },
    { relations: ["item"] }
  )
  if (!lapsed) {
    logger.warn(
      `Flash sale: order ${orderId} names unknown reservation ${reservationId}`
    )
    return null
  }
  if (!mayRebook(lapsed)) {
    logger.warn(
      `Flash sale: reservation ${reservationId} of order ${orderId} was ${lapsed.status} after its purchase; its units are not bought again`
    )
    return null
  }
  try {
    const again = await service.reserve({
      saleId: lapsed.item.sale_id,
      itemId: lapsed.item.id,
      customerId: lapsed.customer_id,
      quantity: lapsed.quantity,
      ttlSeconds: REBOOK_TTL_SECONDS,
      cartId: lapsed.cart_id,
    })
    // The rebooking may take the last unit: a sell-out of its own.
    const soldOut = again.took_last_unit
      ? {
          id: lapsed.item.sale_id,
          item_id: lapsed.item.id,
          variant_id: lapsed.item.variant_id,
        }
      : null
    const reservation = await service.confirm(again.id, { orderId })
    return { reservation, soldOut }
  } catch (error) {
    if (!isRefusal(error)) {
      throw error
    }
    logger.error(
      `Flash sale: order ${orderId} was placed with lapsed reservation ${reservationId} and its units are no longer available (${(error as Error).message}); review the order`
    )
    return null
  }
}

/**
 * Whether a refused reservation may be bought again for its order: only a
 * hold that lapsed. A checked-out cart's hold cannot be released by its
 * customer, so a released or returned one means the order was canceled.
 */
export function mayRebook({
  status,
}: Pick<FlashSaleReservationDTO, "status">): boolean {
  return status === "expired" || status === "active"
}

function isRefusal(error: unknown): boolean {
  return (
    MedusaError.isMedusaError(error) &&
    error.type === MedusaError.Types.NOT_ALLOWED
  )
}
