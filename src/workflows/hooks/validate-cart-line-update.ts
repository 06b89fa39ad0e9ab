import { updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { reservationIdOf } from "../flash-sale/utils/line-items"
import { flashSaleService } from "../flash-sale/utils/module"
import {
  assertFlashKeysKept,
  assertFlashLineQuantity,
} from "../flash-sale/utils/check-line-update"

/**
 * A flash-sale line's quantity is the reservation's: it can only be kept or
 * set to 0, which removes the line (and releases the reservation). Its
 * flash-sale metadata cannot be edited, nor given to another line.
 */
updateLineItemInCartWorkflow.hooks.validate(
  async ({ input, cart }, { container }) => {
    const line = cart.items.find((item) => item?.id === input.item_id)
    assertFlashKeysKept(line, input.update.metadata)
    const reservationId = reservationIdOf(line ?? null)
    if (!line || !reservationId || input.update.quantity === undefined) {
      return
    }
    const [reservation] = await flashSaleService(
      container
    ).listFlashSaleReservations(
      { id: reservationId },
      { select: ["id", "quantity"] }
    )
    assertFlashLineQuantity(
      line,
      input.update.quantity,
      reservation?.quantity ?? null
    )
  }
)
