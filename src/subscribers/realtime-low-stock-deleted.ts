import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  InventoryItemWorkflowEvents,
  InventoryLevelWorkflowEvents,
  ProductVariantWorkflowEvents,
} from "@medusajs/framework/utils"
import {
  removeLowStockAlertsWorkflow,
  type RemoveLowStockAlertsWorkflowInput,
} from "../workflows/realtime/remove-low-stock-alerts"

/** The removal input of each deletion event, for its entity's id. */
const REMOVAL_INPUT: Record<
  string,
  (id: string) => RemoveLowStockAlertsWorkflowInput
> = {
  [InventoryLevelWorkflowEvents.DELETED]: (id) => ({
    inventory_level_ids: [id],
  }),
  [InventoryItemWorkflowEvents.DELETED]: (id) => ({ inventory_item_ids: [id] }),
  [ProductVariantWorkflowEvents.DELETED]: (id) => ({ variant_ids: [id] }),
}

/** Removes the low-stock markers of deleted inventory levels, items and variants. */
export default async function realtimeLowStockDeleted({
  event: { name, data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await removeLowStockAlertsWorkflow(container).run({
    input: REMOVAL_INPUT[name](data.id),
  })
}

export const config: SubscriberConfig = {
  event: Object.keys(REMOVAL_INPUT),
  context: { subscriberId: "realtime-low-stock-deleted" },
}
