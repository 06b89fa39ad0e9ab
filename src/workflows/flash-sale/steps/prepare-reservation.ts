import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashPriceForCart, openCartOf } from "../utils/customer-cart"
import { flashSaleService } from "../utils/module"

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
    const [cart, [item]] = await Promise.all([
      openCartOf(container, cart_id, customer_id),
      service.listFlashSaleItems(
        { id: item_id, sale_id },
        { select: ["id", "variant_id", "prices"] }
      ),
    ])
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
    return new StepResponse({
      variant_id: item.variant_id,
      unit_price: flashPriceForCart(item.prices, cart),
    })
  }
)
