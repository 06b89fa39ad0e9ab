import { MedusaError } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { creditPointsStep } from "./steps/credit-points"
import { debitPointsStep } from "./steps/debit-points"

export const adjustLoyaltyPointsWorkflowId = "loyalty-adjust-points"

/** Input of `adjustLoyaltyPointsWorkflow`. */
export type AdjustLoyaltyPointsWorkflowInput = {
  customer_id: string
  /** Signed whole number: positive credits, negative debits. */
  points: number
  reason: string
  /** The admin user making the change, kept as the entry's source. */
  actor_id: string
}

/**
 * Applies an admin's manual correction to a customer's points as one `adjust`
 * entry sourced to that admin. A debit never takes spendable points below zero.
 */
export const adjustLoyaltyPointsWorkflow = createWorkflow(
  adjustLoyaltyPointsWorkflowId,
  (input: AdjustLoyaltyPointsWorkflowInput) => {
    useQueryGraphStep({
      entity: "customer",
      fields: ["id"],
      filters: { id: input.customer_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "get-customer" })

    const change = transform({ input }, function adjustmentChange({ input }) {
      return {
        customerId: input.customer_id,
        points: Math.abs(input.points),
        type: "adjust" as const,
        reason: input.reason,
        sourceType: "admin",
        sourceId: input.actor_id,
      }
    })

    const credited = when(
      "credit-if-positive",
      { input },
      ({ input }) => input.points > 0
    ).then(() => creditPointsStep(change))

    const debited = when(
      "debit-if-negative",
      { input },
      ({ input }) => input.points < 0
    ).then(() => debitPointsStep(change))

    const entry = transform(
      { credited, debited },
      function writtenEntry({ credited, debited }) {
        const written = credited ?? debited
        if (!written) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            "An adjustment must add or remove at least one point"
          )
        }
        return written
      }
    )

    return new WorkflowResponse(entry)
  }
)
