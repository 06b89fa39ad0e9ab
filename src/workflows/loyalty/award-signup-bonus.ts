import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { creditPointsStep } from "./steps/credit-points"
import { loadLoyaltyProgrammeStep } from "./steps/load-programme"

export const awardSignupBonusWorkflowId = "loyalty-award-signup-bonus"

/** Opens a new customer's account with the programme's signup bonus, once. */
export const awardSignupBonusWorkflow = createWorkflow(
  awardSignupBonusWorkflowId,
  (input: { customer_id: string }) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "has_account"],
      filters: { id: input.customer_id },
    })
    const customerId = transform(
      { customers },
      function registered({ customers }) {
        return customers[0]?.has_account ? customers[0].id : null
      }
    )
    const programme = loadLoyaltyProgrammeStep({ customer_id: customerId })
    const bonus = transform(
      { programme, customerId },
      function signupBonus({ programme, customerId }) {
        return {
          customerId: customerId as string,
          points: programme?.settings.signup_bonus ?? 0,
          type: "bonus" as const,
          reason: "Welcome bonus",
          sourceType: "rule",
          sourceId: "signup",
          idempotencyKey: `signup:${customerId}`,
        }
      }
    )
    when("bonus-configured", { bonus }, ({ bonus }) => bonus.points > 0).then(
      () => {
        creditPointsStep(bonus)
      }
    )
    return new WorkflowResponse({ customer_id: input.customer_id })
  }
)
