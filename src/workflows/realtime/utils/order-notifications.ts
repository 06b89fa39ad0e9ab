import type { EmailJobInput } from "../../../modules/email-queue"
import { ADMIN_CHANNEL, customerChannel } from "../../../modules/realtime"
import type { NotificationInput } from "../steps/publish-notifications"
import { accountHolderId, amount, type NotifiedOrder } from "./order-fields"

/** What every order notification says about its order. */
export function orderSummary(order: NotifiedOrder) {
  return {
    order_id: order.id,
    display_id: amount(order.display_id),
    total: amount(order.total),
    currency_code: order.currency_code ?? null,
  }
}

/**
 * An event on the customer's channel (registered customers only) and,
 * with `adminTitle`, on the admin channel.
 */
export function orderNotifications(
  order: NotifiedOrder,
  event: string,
  customerTitle: string,
  adminTitle?: string,
  extra: Record<string, unknown> = {}
): NotificationInput[] {
  const notifications: NotificationInput[] = []
  const customerId = accountHolderId(order)
  const summary = { ...orderSummary(order), ...extra }
  if (customerId) {
    notifications.push({
      channel: customerChannel(customerId),
      event,
      data: { title: customerTitle, ...summary },
    })
  }
  if (adminTitle) {
    notifications.push({
      channel: ADMIN_CHANNEL,
      event,
      data: { title: adminTitle, email: order.email ?? null, ...summary },
    })
  }
  return notifications
}

/** The order confirmation email, when the order has an address to send to. */
export function orderConfirmationEmails(order: NotifiedOrder): EmailJobInput[] {
  if (!order.email) {
    return []
  }
  return [
    {
      event: `order.placed:${order.id}`,
      to: order.email,
      template: "order-confirmation",
      data: {
        display_id: amount(order.display_id),
        customer_name: order.customer?.first_name ?? null,
        currency_code: order.currency_code ?? "eur",
        total: amount(order.total),
        items: (order.items ?? []).flatMap((item) =>
          item
            ? [
                {
                  title: [item.product_title, item.title]
                    .filter(Boolean)
                    .join(" – "),
                  quantity: amount(item.quantity),
                },
              ]
            : []
        ),
      },
    },
  ]
}
