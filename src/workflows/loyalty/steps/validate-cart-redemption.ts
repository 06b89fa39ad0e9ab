import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { LoyaltySettingsDTO } from "../../../modules/loyalty"
import { assertRedeemable } from "../utils/redemption"

export type CartForRedemption = {
  id: string
  customer_id?: string | null
  currency_code: string
  completed_at?: Date | string | null
  item_subtotal: number | string | { toString(): string }
}

export const validateCartRedemptionStepId = "loyalty-validate-cart-redemption"

/**
 * Checks that the cart is the customer's own and still open, and that the
 * points fit the programme's limits; returns their value in the cart's
 * currency.
 */
export const validateCartRedemptionStep = createStep(
  validateCartRedemptionStepId,
  async (input: {
    cart: CartForRedemption
    customer_id: string
    points?: number
    settings?: LoyaltySettingsDTO
  }) => {
    const { cart, customer_id, points, settings } = input
    if (cart.customer_id !== customer_id) {
      // Someone else's cart is reported as missing, not as forbidden.
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Cart with id: ${cart.id} was not found`
      )
    }
    if (cart.completed_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cart ${cart.id} is already completed`
      )
    }
    if (points === undefined || !settings) {
      return new StepResponse({ amount: 0 })
    }
    const amount = assertRedeemable(
      points,
      Number(cart.item_subtotal.toString()),
      cart.currency_code,
      settings
    )
    return new StepResponse({ amount })
  }
)
