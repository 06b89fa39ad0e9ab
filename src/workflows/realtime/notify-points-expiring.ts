import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { EmailJobInput } from "../../modules/email-queue"
import { customerChannel } from "../../modules/realtime"
import { enqueueEmailsStep } from "../email/steps/enqueue-emails"
import {
  publishNotificationsStep,
  type NotificationInput,
} from "./steps/publish-notifications"
import { ONCE_PER_EVENT } from "./utils/once-per-event"

export const notifyPointsExpiringWorkflowId = "realtime-notify-points-expiring"

export type NotifyPointsExpiringInput = {
  customer_id: string
  points: number
  expires_at: string
}

/**
 * Warns a customer that points are about to expire, live and by email.
 * Once per customer and expiry day.
 */
export const notifyPointsExpiringWorkflow = createWorkflow(
  { name: notifyPointsExpiringWorkflowId, ...ONCE_PER_EVENT },
  (input: NotifyPointsExpiringInput) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "email", "has_account"],
      filters: { id: input.customer_id },
      options: { throwIfKeyNotFound: true },
    })
    const notifications = transform(
      { input },
      function expiringNotifications({ input }): NotificationInput[] {
        return [
          {
            channel: customerChannel(input.customer_id),
            event: "loyalty.points_expiring",
            data: {
              title: `${input.points} points expire soon`,
              points: input.points,
              expires_at: input.expires_at,
            },
          },
        ]
      }
    )
    const emails = transform(
      { customers, input },
      function expiringEmails({ customers, input }): EmailJobInput[] {
        const [customer] = customers
        if (!customer.email) {
          return []
        }
        return [
          {
            event: `loyalty.points_expiring:${input.customer_id}:${input.expires_at.slice(0, 10)}`,
            to: customer.email,
            template: "points-expiring",
            data: { points: input.points, expires_at: input.expires_at },
          },
        ]
      }
    )
    const published = publishNotificationsStep(notifications)
    const queued = enqueueEmailsStep(emails)
    return new WorkflowResponse({ published, queued })
  }
)
