import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { creditManyStep } from "./steps/credit-many"
import { findReferralRewardsStep } from "./steps/find-referral"

export const rewardReferralWorkflowId = "loyalty-reward-referral"

/** Rewards both sides of a referral once the referee's first order is placed. */
export const rewardReferralWorkflow = createWorkflow(
  rewardReferralWorkflowId,
  (input: { order_id: string }) => {
    const credits = findReferralRewardsStep(input)
    const written = creditManyStep(credits)
    return new WorkflowResponse({ written })
  }
)
