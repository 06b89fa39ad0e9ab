import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

export const releaseCartPointsStepId = "loyalty-release-cart-points"

/** Frees the points held for a cart; the compensation holds them again. */
export const releaseCartPointsStep = createStep(
  releaseCartPointsStepId,
  async ({ cart_id }: { cart_id: string }, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const released = await loyalty.releaseHold({ cartId: cart_id })
    return new StepResponse(released, released)
  },
  async (released, { container }) => {
    if (!released) {
      return
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const account = await loyalty.retrieveLoyaltyAccount(released.account_id)
    await loyalty.hold({
      cartId: released.cart_id,
      customerId: account.customer_id,
      points: released.points,
    })
  }
)
