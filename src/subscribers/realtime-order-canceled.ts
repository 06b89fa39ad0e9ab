import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyOrderCanceledWorkflow } from "../workflows/realtime/notify-order-canceled"

/** Notifies the customer and the admins that an order was canceled. */
export default async function realtimeOrderCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await notifyOrderCanceledWorkflow(container).run({
    input: { order_id: data.id },
    context: { transactionId: `realtime-order-canceled-${data.id}` },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "realtime-order-canceled" },
}
