import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyBackInStockWorkflow } from "../workflows/realtime/notify-back-in-stock"

/** Notifies the customers waiting for a variant that is in stock again. */
export default async function realtimeBackInStock({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await notifyBackInStockWorkflow(container).run({
    input: { inventory_level_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "inventory-level.updated",
  context: { subscriberId: "realtime-back-in-stock" },
}
