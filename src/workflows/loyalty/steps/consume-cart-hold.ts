import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type ConsumeHoldInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { rollBackEntry } from "../utils/rollback-entry"

export const consumeCartHoldStepId = "loyalty-consume-cart-hold"

/**
 * Spends the points held for the order's cart. The compensation holds them
 * for the cart again, so it can still be checked out or released; when the
 * cart holds other points by then, it credits them back instead.
 */
export const consumeCartHoldStep = createStep(
  consumeCartHoldStepId,
  async (input: ConsumeHoldInput, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const [active] = await loyalty.listLoyaltyHolds({
      cart_id: input.cartId,
      status: "active",
    })
    const entry = await loyalty.consumeHold(input)
    const consumedNow = !!entry && !!active
    return new StepResponse(entry, consumedNow ? entry.id : null)
  },
  async (entryId, { container }) => {
    if (!entryId) {
      return
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    if (!(await loyalty.restoreHold({ entryId }))) {
      await rollBackEntry(container, entryId)
    }
  }
)
