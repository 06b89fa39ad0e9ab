import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { renderEmail } from "../templates"
import type { EmailJobInput } from "../types"

/** What a sent or attempted notification tells the queue. */
type NotificationRecord = { id: string; status: string }

/** The part of the Notification Module the queue sends through. */
export type EmailSender = {
  createNotifications(data: CreateNotificationDTO): Promise<unknown>
  listNotifications(
    filters: { idempotency_key: string },
    config: { select: string[]; take: number }
  ): Promise<NotificationRecord[]>
  updateNotifications(data: {
    id: string
    idempotency_key: string
  }): Promise<unknown>
}

/**
 * Renders the job's template and sends it through the Notification Module
 * under the job id as idempotency key, unless a notification with that key
 * was already sent.
 *
 * A key whose last attempt failed (or never finished) is renamed first:
 * the Notification Module sends such a key again but then fails to record
 * the result, so the queue would retry an email that did go out.
 */
export async function sendEmailOnce(
  notifications: EmailSender,
  id: string,
  job: EmailJobInput
): Promise<"sent" | "already-sent"> {
  const [previous] = await notifications.listNotifications(
    { idempotency_key: id },
    { select: ["id", "status"], take: 1 }
  )
  if (previous?.status === "success") {
    return "already-sent"
  }
  if (previous) {
    await notifications.updateNotifications({
      id: previous.id,
      idempotency_key: `${id}|${previous.status}|${previous.id}`,
    })
  }
  const email = renderEmail(job)
  await notifications.createNotifications({
    to: job.to,
    channel: "email",
    template: job.template,
    data: { ...job.data, subject: email.subject },
    content: email,
    idempotency_key: id,
  })
  return "sent"
}
