import type { Job } from "bullmq"
import type { EmailJobDTO, EmailJobInput, EmailJobStatus } from "../types"

const iso = (ms?: number | null) => (ms ? new Date(ms).toISOString() : null)

/** The admin view of a queued email, without its rendered content. */
export function toEmailJobDTO(
  job: Job<EmailJobInput>,
  status: EmailJobStatus
): EmailJobDTO {
  return {
    id: String(job.id),
    event: job.data.event,
    to: job.data.to,
    template: job.data.template,
    status,
    attempts_made: job.attemptsMade,
    failed_reason: job.failedReason || null,
    created_at: iso(job.timestamp) ?? new Date(0).toISOString(),
    processed_at: iso(job.processedOn),
    finished_at: iso(job.finishedOn),
  }
}
