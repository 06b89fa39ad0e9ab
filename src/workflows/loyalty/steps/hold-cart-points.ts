import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type HoldPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

export const holdCartPointsStepId = "loyalty-hold-cart-points"

/** Holds points for a cart; the compensation puts back the cart's earlier hold. */
export const holdCartPointsStep = createStep(
  holdCartPointsStepId,
  async (input: HoldPointsInput, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const [previous] = await loyalty.listLoyaltyHolds({
      cart_id: input.cartId,
      status: "active",
    })
    const hold = await loyalty.hold(input)
    return new StepResponse(hold, {
      cartId: input.cartId,
      customerId: input.customerId,
      previousPoints: previous?.points ?? null,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    if (undo.previousPoints) {
      await loyalty.hold({
        cartId: undo.cartId,
        customerId: undo.customerId,
        points: undo.previousPoints,
      })
    } else {
      await loyalty.releaseHold({ cartId: undo.cartId })
    }
  }
)
