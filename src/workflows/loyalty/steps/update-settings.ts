import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
  type LoyaltySettingsValues,
} from "../../../modules/loyalty"

export const updateLoyaltySettingsStepId = "loyalty-update-settings"

type SettingsUpdate = Partial<LoyaltySettingsValues>

/**
 * Changes the given programme settings. The compensation writes back the
 * previous values of those fields only, leaving the others as they are now.
 */
export const updateLoyaltySettingsStep = createStep(
  updateLoyaltySettingsStepId,
  async (data: SettingsUpdate, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const previous = await loyalty.getSettings()
    const updated = await loyalty.updateSettings(data)
    const changed = Object.keys(data) as (keyof LoyaltySettingsValues)[]
    const restore = changed.reduce<SettingsUpdate>(
      (values, field) => ({ ...values, [field]: previous[field] }),
      {}
    )
    return new StepResponse(updated, restore)
  },
  async (restore, { container }) => {
    if (!restore || !Object.keys(restore).length) {
      return
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    await loyalty.updateSettings(restore)
  }
)
