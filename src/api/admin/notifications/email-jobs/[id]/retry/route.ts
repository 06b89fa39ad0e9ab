import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { retryEmailJobWorkflow } from "../../../../../../workflows/email/retry-email-job"
import type { AdminRetryEmailJobType } from "../../../validators"

/** Sends a failed email again, with a fresh round of attempts. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRetryEmailJobType>,
  res: MedusaResponse
) => {
  const { result } = await retryEmailJobWorkflow(req.scope).run({
    input: { id: req.params.id },
  })
  res.json({ email_job: result })
}
