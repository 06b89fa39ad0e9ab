import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type {
  FlashSaleModuleService,
  FlashSaleReservationDTO,
} from "../../../modules/flash-sale"

/** How long a replacement hold lives before it is bought (immediately). */
const REBOOK_TTL_SECONDS = 60

/**
 * Buys a reservation's units for an order. Checkout refuses lapsed holds,
 * but one can lapse between checkout and this call; its units are then
 * bought again if the sale still has them, so the sold count keeps matching
 * the orders. Returns null (and logs) when they are gone.
 */
export async function confirmForOrder(
  service: FlashSaleModuleService,
  logger: Logger,
  reservationId: string,
  orderId: string
): Promise<FlashSaleReservationDTO | null> {
  try {
    return await service.confirm(reservationId, { orderId })
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
  try {
    const again = await service.reserve({
      saleId: lapsed.item.sale_id,
      itemId: lapsed.item.id,
      customerId: lapsed.customer_id,
      quantity: lapsed.quantity,
      ttlSeconds: REBOOK_TTL_SECONDS,
      cartId: lapsed.cart_id,
    })
    return await service.confirm(again.id, { orderId })
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

function isRefusal(error: unknown): boolean {
  return (
    MedusaError.isMedusaError(error) &&
    error.type === MedusaError.Types.NOT_ALLOWED
  )
}
