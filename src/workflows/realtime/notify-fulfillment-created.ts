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

export const notifyFulfillmentCreatedWorkflowId =
  "realtime-notify-fulfillment-created"

/** Tells the customer that their order is being prepared for delivery. */
export const notifyFulfillmentCreatedWorkflow = createWorkflow(
  { name: notifyFulfillmentCreatedWorkflowId, ...ONCE_PER_EVENT },
  (input: { order_id: string; fulfillment_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_NOTIFICATION_FIELDS,
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const notifications = transform(
      { orders, input },
      function fulfillmentNotifications({ orders, input }) {
        const order: NotifiedOrder = orders[0]
        return orderNotifications(
          order,
          "order.fulfillment_created",
          `Order #${order.display_id} is being prepared`,
          undefined,
          { fulfillment_id: input.fulfillment_id }
        )
      }
    )
    const published = publishNotificationsStep(notifications)
    return new WorkflowResponse({ published })
  }
)
