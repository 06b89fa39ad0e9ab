import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  EMAIL_QUEUE_MODULE,
  type EmailJobInput,
  type EmailQueueModuleService,
  type EnqueuedEmail,
} from "../../../modules/email-queue"

export const enqueueEmailsStepId = "email-enqueue-emails"

/**
 * Queues emails; one already queued or sent for the same event is skipped.
 * The compensation drops the jobs this step added that are not sent yet.
 */
export const enqueueEmailsStep = createStep(
  enqueueEmailsStepId,
  async (emails: EmailJobInput[], { container }) => {
    if (!emails.length) {
      return new StepResponse([] as EnqueuedEmail[], [])
    }
    const queue = container.resolve<EmailQueueModuleService>(EMAIL_QUEUE_MODULE)
    const queued = await queue.enqueue(emails)
    return new StepResponse(
      queued,
      queued.filter(({ created }) => created).map(({ id }) => id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const queue = container.resolve<EmailQueueModuleService>(EMAIL_QUEUE_MODULE)
    await queue.removeJobs(ids)
  }
)
