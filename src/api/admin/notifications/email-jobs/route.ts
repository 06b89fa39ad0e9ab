import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  EMAIL_QUEUE_MODULE,
  type EmailQueueModuleService,
} from "../../../../modules/email-queue"
import type { AdminListEmailJobsType } from "../validators"

/** Queued emails in one state (failed by default), newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListEmailJobsType>,
  res: MedusaResponse
) => {
  const { status, limit, offset } = req.validatedQuery
  const queue = req.scope.resolve<EmailQueueModuleService>(EMAIL_QUEUE_MODULE)
  const { jobs, count } = await queue.listJobs(status, { limit, offset })
  res.json({ email_jobs: jobs, count, limit, offset })
}
