import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ADMIN_CHANNEL } from "../../modules/realtime"
import { claimLowStockAlertsStep } from "./steps/claim-low-stock-alerts"
import { clearLowStockAlertsStep } from "./steps/clear-low-stock-alerts"
import {
  publishNotificationsStep,
  type NotificationInput,
} from "./steps/publish-notifications"
import { levelStock, STOCK_LEVEL_FIELDS, type StockLevel } from "./utils/stock"

export const notifyLowStockWorkflowId = "realtime-notify-low-stock"

/**
 * Alerts the admins once when a level's sellable units fall below a
 * variant's `low_stock_threshold` metadata (5 when unset), and again only
 * after the level has been back at or above it.
 */
export const notifyLowStockWorkflow = createWorkflow(
  notifyLowStockWorkflowId,
  (input: { inventory_level_id: string }) => {
    const { data: levels } = useQueryGraphStep({
      entity: "inventory_level",
      fields: STOCK_LEVEL_FIELDS,
      filters: { id: input.inventory_level_id },
    })
    const stock = transform({ levels }, function levelAlertStock({ levels }) {
      const level: StockLevel | undefined = levels[0]
      return levelStock(level)
    })
    const keys = transform(
      { stock, input },
      function lowStockAlertKeys({ stock, input }) {
        const keyOf = ({ variant_id }: { variant_id: string }) => ({
          inventory_level_id: input.inventory_level_id,
          variant_id,
        })
        const below = (threshold: number) => stock.available < threshold
        return {
          low: stock.variants
            .filter(({ threshold }) => below(threshold))
            .map(keyOf),
          recovered: stock.variants
            .filter(({ threshold }) => !below(threshold))
            .map(keyOf),
        }
      }
    )
    clearLowStockAlertsStep(keys.recovered)
    const claimed = claimLowStockAlertsStep(keys.low)
    const notifications = transform(
      { claimed, stock },
      function lowStockNotifications({ claimed, stock }): NotificationInput[] {
        const { available, location_id, variants } = stock
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
