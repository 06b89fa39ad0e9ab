import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { publishNotificationsStep } from "./steps/publish-notifications"
import {
  ORDER_NOTIFICATION_FIELDS,
  type NotifiedOrder,
} from "./utils/order-fields"
import { orderNotifications } from "./utils/order-notifications"
import { ONCE_PER_EVENT } from "./utils/once-per-event"

export const notifyOrderCanceledWorkflowId = "realtime-notify-order-canceled"

/** Tells the customer and the admins that an order was canceled. */
export const notifyOrderCanceledWorkflow = createWorkflow(
  { name: notifyOrderCanceledWorkflowId, ...ONCE_PER_EVENT },
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_NOTIFICATION_FIELDS,
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const notifications = transform(
      { orders },
      function canceledNotifications({ orders }) {
        const order: NotifiedOrder = orders[0]
        return orderNotifications(
          order,
          "order.canceled",
          `Order #${order.display_id} was canceled`,
          `Order #${order.display_id} canceled`
        )
      }
    )
    const published = publishNotificationsStep(notifications)
    return new WorkflowResponse({ published })
  }
)
