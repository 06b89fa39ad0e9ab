import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  EMAIL_QUEUE_MODULE,
  type EmailQueueModuleService,
} from "../../../modules/email-queue"

export const retryEmailJobStepId = "email-retry-email-job"

/**
 * Moves a failed email job back to the queue. The last step of its workflow
 * and left in place on rollback: the job keeps its id, so it cannot send twice.
 */
export const retryEmailJobStep = createStep(
  retryEmailJobStepId,
  async ({ id }: { id: string }, { container }) => {
    const queue = container.resolve<EmailQueueModuleService>(EMAIL_QUEUE_MODULE)
    return new StepResponse(await queue.retryJob(id))
  }
)
