import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { EmailJobInput } from "../../modules/email-queue"
import { customerChannel } from "../../modules/realtime"
import { enqueueEmailsStep } from "../email/steps/enqueue-emails"
import { findEarnedPointsStep } from "./steps/find-earned-points"
import {
  publishNotificationsStep,
  type NotificationInput,
} from "./steps/publish-notifications"
import { accountHolderId, amount } from "./utils/order-fields"
import { ONCE_PER_EVENT } from "./utils/once-per-event"

export const notifyPointsEarnedWorkflowId = "realtime-notify-points-earned"

/**
 * Tells a customer how many points an order earned, once the loyalty
 * ledger has the entry, and queues the points email. Once per order.
 */
export const notifyPointsEarnedWorkflow = createWorkflow(
  { name: notifyPointsEarnedWorkflowId, ...ONCE_PER_EVENT },
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "email",
        "customer_id",
        "created_at",
        "customer.has_account",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const lookup = transform({ orders }, function earnLookup({ orders }) {
      const [order] = orders
      return {
        order_id: order.id,
        customer_id: accountHolderId(order),
        placed_at: new Date(order.created_at ?? Date.now()).toISOString(),
      }
    })
    const earned = findEarnedPointsStep(lookup)

    const notifications = transform(
      { orders, earned },
      function earnedNotifications({ orders, earned }): NotificationInput[] {
        const [order] = orders
        const customerId = accountHolderId(order)
        if (!earned || !customerId || earned.points <= 0) {
          return []
        }
        return [
          {
            channel: customerChannel(customerId),
            event: "loyalty.points_earned",
            data: {
              title: `You earned ${earned.points} points`,
              order_id: order.id,
              display_id: amount(order.display_id),
              ...earned,
            },
          },
        ]
      }
    )
    const emails = transform(
      { orders, earned },
      function earnedEmails({ orders, earned }): EmailJobInput[] {
        const [order] = orders
        if (!earned || !order.email || earned.points <= 0) {
          return []
        }
        return [
          {
            event: `loyalty.points_earned:${order.id}`,
            to: order.email,
            template: "points-earned",
            data: { ...earned, order_display_id: amount(order.display_id) },
          },
        ]
      }
    )
    const published = publishNotificationsStep(notifications)
    const queued = enqueueEmailsStep(emails)
    return new WorkflowResponse({ published, queued })
  }
)
