import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type ConsumeHoldInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { rollBackEntry } from "../utils/rollback-entry"

export const consumeCartHoldStepId = "loyalty-consume-cart-hold"

/**
 * Spends the points held for the order's cart. The compensation credits them
 * back, since the redeem entry itself stays in the append-only ledger.
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
  async (entryId, { container }) => rollBackEntry(container, entryId)
)
