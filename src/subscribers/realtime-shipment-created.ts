import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyShipmentCreatedWorkflow } from "../workflows/realtime/notify-shipment-created"

/** Tells the customer their order shipped; emails them unless asked not to. */
export default async function realtimeShipmentCreated({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  await notifyShipmentCreatedWorkflow(container).run({
    input: { fulfillment_id: data.id, no_notification: data.no_notification },
    context: { transactionId: `realtime-shipment-${data.id}` },
  })
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "realtime-shipment-created" },
}
