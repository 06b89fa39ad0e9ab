import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { retryEmailJobStep } from "./steps/retry-email-job"

export const retryEmailJobWorkflowId = "email-retry-email-job"

/** Retries a failed email: `NOT_FOUND` if unknown, `NOT_ALLOWED` if not failed. */
export const retryEmailJobWorkflow = createWorkflow(
  retryEmailJobWorkflowId,
  (input: { id: string }) => {
    return new WorkflowResponse(retryEmailJobStep(input))
  }
)
