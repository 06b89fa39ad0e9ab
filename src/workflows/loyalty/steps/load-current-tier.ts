import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  computeTier,
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

export const loadCurrentTierStepId = "loyalty-load-current-tier"

/**
 * The programme settings and the tier the customer's spend over the last 12
 * months reaches now, rather than the stored tier, which is only refreshed
 * after orders and reversals. Opens the account on first use; null without a
 * customer.
 */
export const loadCurrentTierStep = createStep(
  loadCurrentTierStepId,
  async ({ customer_id }: { customer_id: string | null }, { container }) => {
    if (!customer_id) {
      return new StepResponse(null)
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const { settings, spend_12m } = await loyalty.accountSummary(customer_id)
    return new StepResponse({
      settings,
      tier: computeTier(spend_12m, settings),
    })
  }
)
