import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyFulfillmentCreatedWorkflow } from "../workflows/realtime/notify-fulfillment-created"

/** Tells the customer their order is being prepared. */
export default async function realtimeFulfillmentCreated({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  await notifyFulfillmentCreatedWorkflow(container).run({
    input: { order_id: data.order_id, fulfillment_id: data.fulfillment_id },
    context: { transactionId: `realtime-fulfillment-${data.fulfillment_id}` },
  })
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_created",
  context: { subscriberId: "realtime-fulfillment-created" },
}
