import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyLowStockWorkflow } from "../workflows/realtime/notify-low-stock"

/** Alerts the admins when a variant's stock falls below its threshold. */
export default async function realtimeLowStock({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await notifyLowStockWorkflow(container).run({
    input: { inventory_level_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "inventory-level.updated",
  context: { subscriberId: "realtime-low-stock" },
}
