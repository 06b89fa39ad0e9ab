import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { publishNotificationsStep } from "./steps/publish-notifications"
import { amount, ORDER_NOTIFICATION_FIELDS } from "./utils/order-fields"
import { orderNotifications } from "./utils/order-notifications"
import { ONCE_PER_EVENT } from "./utils/once-per-event"

export const notifyPaymentCapturedWorkflowId =
  "realtime-notify-payment-captured"

/** Tells the customer and the admins that an order's payment was captured. */
export const notifyPaymentCapturedWorkflow = createWorkflow(
  { name: notifyPaymentCapturedWorkflowId, ...ONCE_PER_EVENT },
  (input: { payment_id: string }) => {
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: [
        "id",
        "amount",
        "currency_code",
        ...ORDER_NOTIFICATION_FIELDS.map(
          (field) => `payment_collection.order.${field}`
        ),
      ],
      filters: { id: input.payment_id },
      options: { throwIfKeyNotFound: true },
    })
    const notifications = transform(
      { payments },
      function capturedNotifications({ payments }) {
        const [payment] = payments
        const order = payment.payment_collection?.order
        if (!order) {
          return []
        }
        return orderNotifications(
          order,
          "payment.captured",
          `Payment for order #${order.display_id} received`,
          `Payment captured for order #${order.display_id}`,
          { payment_id: payment.id, amount: amount(payment.amount) }
        )
      }
    )
    const published = publishNotificationsStep(notifications)
    return new WorkflowResponse({ published })
  }
)
