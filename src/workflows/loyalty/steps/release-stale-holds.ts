import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { removeCartPointsWorkflow } from "../remove-cart-points"

export const releaseStaleHoldsStepId = "loyalty-release-stale-holds"

const PAGE = 200

/**
 * Takes the points off every cart whose hold has not moved since `before`:
 * each cart goes through the same workflow a customer's removal does, so its
 * promotion disappears with the hold. One failing cart does not stop the rest.
 */
export const releaseStaleHoldsStep = createStep(
  releaseStaleHoldsStepId,
  async ({ before }: { before: string }, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const released: string[] = []
    const failed: string[] = []
    for (;;) {
      const holds = await loyalty.listLoyaltyHolds(
        { status: "active", updated_at: { $lt: new Date(before) } },
        { select: ["cart_id"], take: PAGE, order: { id: "ASC" } }
      )
      const pending = holds.filter((hold) => !failed.includes(hold.cart_id))
      if (!pending.length) {
        break
      }
      for (const { cart_id } of pending) {
        try {
          await removeCartPointsWorkflow(container).run({ input: { cart_id } })
          released.push(cart_id)
        } catch {
          failed.push(cart_id)
        }
      }
    }
    return new StepResponse({ released, failed })
  }
)
