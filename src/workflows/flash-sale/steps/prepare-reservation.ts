import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"
import { flashPriceIn } from "../utils/prices"

export type PrepareReservationInput = {
  cart_id: string
  customer_id: string
  sale_id: string
  item_id: string
}

export const prepareReservationStepId = "flash-sale-prepare-reservation"

/**
 * Checks that the cart is the customer's own and still open, and returns the
 * item's variant and its flash price in the cart's currency. Reads the cart
 * and the item at once, from their modules: this runs on every attempt of a
 * rush, sold out or not.
 */
export const prepareReservationStep = createStep(
  prepareReservationStepId,
  async (input: PrepareReservationInput, { container }) => {
    const { cart_id, customer_id, sale_id, item_id } = input
    const service = flashSaleService(container)
    const [[cart], [item]] = await Promise.all([
      container
        .resolve(Modules.CART)
        .listCarts(
          { id: cart_id },
          { select: ["id", "customer_id", "currency_code", "completed_at"] }
        ),
      service.listFlashSaleItems(
        { id: item_id, sale_id },
        { select: ["id", "variant_id", "prices"] }
      ),
    ])
    if (!cart || cart.customer_id !== customer_id || cart.completed_at) {
      // Someone else's or a finished cart is reported as missing.
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Cart ${cart_id} was not found among your open carts`
      )
    }
    if (!item) {
      const [sale] = await service.listFlashSales(
        { id: sale_id, status: { $ne: "draft" } },
        { select: ["id"] }
      )
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        sale
          ? `Item ${item_id} is not part of flash sale ${sale_id}`
          : `Flash sale ${sale_id} was not found`
      )
    }
    const unitPrice = flashPriceIn(item.prices, cart.currency_code)
    if (unitPrice === null) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This flash sale item is not sold in ${cart.currency_code.toUpperCase()}; use a cart in another region`
      )
    }
    return new StepResponse({
      variant_id: item.variant_id,
      unit_price: unitPrice,
    })
  }
)
