import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type ConsumeHoldInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

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
    return new StepResponse(entry, consumedNow ? entry : null)
  },
  async (entry, { container }) => {
    if (!entry) {
      return
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const account = await loyalty.retrieveLoyaltyAccount(entry.account_id)
    await loyalty.credit({
      customerId: account.customer_id,
      points: Math.abs(entry.points),
      type: "reverse",
      reason: `Rolled back: ${entry.reason}`,
      sourceType: entry.source_type,
      sourceId: entry.source_id,
      idempotencyKey: `rollback:${entry.id}`,
    })
  }
)
