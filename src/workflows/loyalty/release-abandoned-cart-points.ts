import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { releaseStaleHoldsStep } from "./steps/release-stale-holds"

export const releaseAbandonedCartPointsWorkflowId =
  "loyalty-release-abandoned-cart-points"

/** Gives back points held on open carts left untouched since `before`; a completed cart's points are settled by its order. */
export const releaseAbandonedCartPointsWorkflow = createWorkflow(
  releaseAbandonedCartPointsWorkflowId,
  (input: { before: string }) => {
    return new WorkflowResponse(releaseStaleHoldsStep(input))
  }
)
