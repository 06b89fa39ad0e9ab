import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyOrderPlacedWorkflow } from "../workflows/realtime/notify-order-placed"

/** Notifies the customer and the admins of a new order; emails the confirmation. */
export default async function realtimeOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await notifyOrderPlacedWorkflow(container).run({
    input: { order_id: data.id },
    context: { transactionId: `realtime-order-placed-${data.id}` },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "realtime-order-placed" },
}
