import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyAccountDTO,
  type LoyaltyModuleService,
  type LoyaltySettingsDTO,
} from "../../../modules/loyalty"

export const loadLoyaltyProgrammeStepId = "loyalty-load-programme"

/**
 * The programme settings and the customer's account (opened on first use);
 * null without a customer, so workflows need no branch for guests.
 */
export const loadLoyaltyProgrammeStep = createStep(
  loadLoyaltyProgrammeStepId,
  async ({ customer_id }: { customer_id: string | null }, { container }) => {
    if (!customer_id) {
      return new StepResponse(null)
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const settings: LoyaltySettingsDTO = await loyalty.getSettings()
    const account: LoyaltyAccountDTO =
      await loyalty.getOrCreateAccount(customer_id)
    return new StepResponse({ settings, account })
  }
)
