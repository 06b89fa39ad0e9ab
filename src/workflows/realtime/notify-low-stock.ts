import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ADMIN_CHANNEL } from "../../modules/realtime"
import {
  publishNotificationsStep,
  type NotificationInput,
} from "./steps/publish-notifications"
import { syncLowStockAlertsStep } from "./steps/sync-low-stock-alerts"

export const notifyLowStockWorkflowId = "realtime-notify-low-stock"

/**
 * Alerts the admins once when a level's sellable units fall below a
 * variant's `low_stock_threshold` metadata (5 when unset), and again only
 * after the level has been back at or above it. Runs for one level read the
 * stock and sync the markers in turn under the level's lock, so the last run
 * sees the final stock and the markers end as it has them.
 */
export const notifyLowStockWorkflow = createWorkflow(
  notifyLowStockWorkflowId,
  (input: { inventory_level_id: string }) => {
    const sync = syncLowStockAlertsStep({
      inventory_level_id: input.inventory_level_id,
    })
    const notifications = transform(
      { sync },
      function lowStockNotifications({ sync }): NotificationInput[] {
        const { available, location_id, variants, claimed } = sync
        return variants
          .filter(({ variant_id }) =>
            claimed.some((alert) => alert.variant_id === variant_id)
          )
          .map((variant) => ({
            channel: ADMIN_CHANNEL,
            event: "inventory.low_stock",
            data: {
              title: `Low stock: ${variant.product_title} (${available} left)`,
              available,
              location_id,
              ...variant,
            },
          }))
      }
    )
    const published = publishNotificationsStep(notifications)
    return new WorkflowResponse({ published })
  }
)
