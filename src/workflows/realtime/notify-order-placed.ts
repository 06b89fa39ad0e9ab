import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { enqueueEmailsStep } from "../email/steps/enqueue-emails"
import { publishNotificationsStep } from "./steps/publish-notifications"
import {
  ORDER_NOTIFICATION_FIELDS,
  type NotifiedOrder,
} from "./utils/order-fields"
import {
  orderConfirmationEmails,
  orderNotifications,
} from "./utils/order-notifications"
import { ONCE_PER_EVENT } from "./utils/once-per-event"

export const notifyOrderPlacedWorkflowId = "realtime-notify-order-placed"

/**
 * Tells the customer and the admins about a new order and queues the
 * confirmation email. Once per order.
 */
export const notifyOrderPlacedWorkflow = createWorkflow(
  { name: notifyOrderPlacedWorkflowId, ...ONCE_PER_EVENT },
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_NOTIFICATION_FIELDS,
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const order = transform({ orders }, function placedOrder({ orders }) {
      const placed: NotifiedOrder = orders[0]
      return placed
    })

    const notifications = transform(
      { order },
      function placedNotifications({ order }) {
        return orderNotifications(
          order,
          "order.placed",
          `Order #${order.display_id} confirmed`,
          `New order #${order.display_id}`
        )
      }
    )
    const emails = transform({ order }, function placedEmails({ order }) {
      return orderConfirmationEmails(order)
    })

    const published = publishNotificationsStep(notifications)
    const queued = enqueueEmailsStep(emails)
    return new WorkflowResponse({ published, queued })
  }
)
