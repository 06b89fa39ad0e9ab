import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { EmailJobInput } from "../../modules/email-queue"
import { enqueueEmailsStep } from "../email/steps/enqueue-emails"
import { publishNotificationsStep } from "./steps/publish-notifications"
import { amount, ORDER_NOTIFICATION_FIELDS } from "./utils/order-fields"
import { orderNotifications } from "./utils/order-notifications"
import { ONCE_PER_EVENT } from "./utils/once-per-event"

export const notifyShipmentCreatedWorkflowId =
  "realtime-notify-shipment-created"

/**
 * Tells the customer their order shipped and queues the shipping email,
 * unless the shipment was created with `no_notification`.
 */
export const notifyShipmentCreatedWorkflow = createWorkflow(
  { name: notifyShipmentCreatedWorkflowId, ...ONCE_PER_EVENT },
  (input: { fulfillment_id: string; no_notification?: boolean }) => {
    const { data: fulfillments } = useQueryGraphStep({
      entity: "fulfillment",
      fields: [
        "id",
        "labels.tracking_number",
        ...ORDER_NOTIFICATION_FIELDS.map((field) => `order.${field}`),
      ],
      filters: { id: input.fulfillment_id },
      options: { throwIfKeyNotFound: true },
    })
    const shipment = transform(
      { fulfillments },
      function shippedOrder({ fulfillments }) {
        const [fulfillment] = fulfillments
        return {
          order: fulfillment.order ?? null,
          tracking_numbers: (fulfillment.labels ?? []).flatMap((label) =>
            label?.tracking_number ? [label.tracking_number] : []
          ),
        }
      }
    )
    const notifications = transform(
      { shipment, input },
      function shippedNotifications({ shipment, input }) {
        const { order, tracking_numbers } = shipment
        if (!order) {
          return []
        }
        return orderNotifications(
          order,
          "order.shipped",
          `Order #${order.display_id} has shipped`,
          undefined,
          { fulfillment_id: input.fulfillment_id, tracking_numbers }
        )
      }
    )
    const emails = transform(
      { shipment, input },
      function shippedEmails({ shipment, input }): EmailJobInput[] {
        const { order, tracking_numbers } = shipment
        if (!order?.email || input.no_notification) {
          return []
        }
        return [
          {
            event: `shipment.created:${input.fulfillment_id}`,
            to: order.email,
            template: "order-shipped",
            data: {
              display_id: amount(order.display_id),
              customer_name: order.customer?.first_name ?? null,
              tracking_numbers,
            },
          },
        ]
      }
    )
    const published = publishNotificationsStep(notifications)
    const queued = enqueueEmailsStep(emails)
    return new WorkflowResponse({ published, queued })
  }
)
