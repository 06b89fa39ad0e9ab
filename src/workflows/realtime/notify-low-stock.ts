import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ADMIN_CHANNEL } from "../../modules/realtime"
import {
  publishNotificationsStep,
  type NotificationInput,
} from "./steps/publish-notifications"
import { levelStock, STOCK_LEVEL_FIELDS, type StockLevel } from "./utils/stock"

export const notifyLowStockWorkflowId = "realtime-notify-low-stock"

/**
 * Alerts the admins when a level's sellable units fall below a variant's
 * `low_stock_threshold` metadata (5 when unset).
 */
export const notifyLowStockWorkflow = createWorkflow(
  notifyLowStockWorkflowId,
  (input: { inventory_level_id: string }) => {
    const { data: levels } = useQueryGraphStep({
      entity: "inventory_level",
      fields: STOCK_LEVEL_FIELDS,
      filters: { id: input.inventory_level_id },
    })
    const notifications = transform(
      { levels },
      function lowStockNotifications({ levels }): NotificationInput[] {
        const level: StockLevel | undefined = levels[0]
        const { available, location_id, variants } = levelStock(level)
        return variants
          .filter(({ threshold }) => available < threshold)
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
