import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { creditManyStep } from "./steps/credit-many"
import { findBirthdayBonusesStep } from "./steps/find-birthdays"

export const awardBirthdayBonusesWorkflowId = "loyalty-award-birthday-bonuses"

/** Credits the birthday bonus to customers born on `today`, once a year. */
export const awardBirthdayBonusesWorkflow = createWorkflow(
  awardBirthdayBonusesWorkflowId,
  (input: { today: string }) => {
    const credits = findBirthdayBonusesStep(input)
    const written = creditManyStep(credits)
    return new WorkflowResponse({ written })
  }
)
