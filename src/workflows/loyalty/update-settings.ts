import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { LoyaltySettingsValues } from "../../modules/loyalty"
import { updateLoyaltySettingsStep } from "./steps/update-settings"

export const updateLoyaltySettingsWorkflowId = "loyalty-update-settings"

/** Changes some of the programme settings and returns them all. */
export const updateLoyaltySettingsWorkflow = createWorkflow(
  updateLoyaltySettingsWorkflowId,
  (input: Partial<LoyaltySettingsValues>) => {
    const settings = updateLoyaltySettingsStep(input)
    return new WorkflowResponse(settings)
  }
)
