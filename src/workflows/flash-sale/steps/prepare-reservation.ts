import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"
import { flashPriceIn } from "../utils/prices"

/** The cart fields a reservation needs. */
export type CartForReservation = {
  id: string
  customer_id?: string | null
  currency_code: string
  completed_at?: Date | string | null
}

export type PrepareReservationInput = {
  cart: CartForReservation
  customer_id: string
  sale_id: string
  item_id: string
}

export const prepareReservationStepId = "flash-sale-prepare-reservation"

/**
 * Checks that the cart is the customer's own and still open, and returns the
 * item's variant and its flash price in the cart's currency.
 */
export const prepareReservationStep = createStep(
  prepareReservationStepId,
  async (input: PrepareReservationInput, { container }) => {
    const { cart, customer_id, sale_id, item_id } = input
    if (cart.customer_id !== customer_id || cart.completed_at) {
      // Someone else's or a finished cart is reported as missing.
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Cart ${cart.id} was not found among your open carts`
      )
    }
    const service = flashSaleService(container)
    const [item] = await service.listFlashSaleItems(
      { id: item_id, sale_id },
      { select: ["id", "variant_id", "prices"] }
    )
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
