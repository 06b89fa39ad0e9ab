import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  computeTier,
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

export const refreshTierStepId = "loyalty-refresh-tier"

/** Recomputes the customer's tier from the last 12 months of spend. */
export const refreshTierStep = createStep(
  refreshTierStepId,
  async ({ customer_id }: { customer_id: string | null }, { container }) => {
    if (!customer_id) {
      return new StepResponse(null, null)
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const {
      account,
      settings,
      spend_12m: spend,
    } = await loyalty.accountSummary(customer_id)
    const tier = computeTier(spend, settings).name
    if (tier === account.tier) {
      return new StepResponse({ tier, spend }, null)
    }
    await loyalty.updateLoyaltyAccounts({ id: account.id, tier })
    return new StepResponse(
      { tier, spend },
      { id: account.id, tier: account.tier }
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    await loyalty.updateLoyaltyAccounts(previous)
  }
)
