import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { ADMIN_CHANNEL } from "../../modules/realtime"
import {
  publishNotificationsStep,
  type NotificationInput,
} from "./steps/publish-notifications"
import { syncLowStockAlertsStep } from "./steps/sync-low-stock-alerts"
import {
  LOW_STOCK_LOCK_TIMEOUT,
  LOW_STOCK_LOCK_TTL,
  lowStockLockKey,
  lowStockLockOwner,
} from "./utils/low-stock-lock"
import { levelStock, STOCK_LEVEL_FIELDS, type StockLevel } from "./utils/stock"

export const notifyLowStockWorkflowId = "realtime-notify-low-stock"

/**
 * Alerts the admins once when a level's sellable units fall below a
 * variant's `low_stock_threshold` metadata (5 when unset), and again only
 * after the level has been back at or above it. Runs for one level take
 * turns under a lock and read the stock once they hold it, so the last run
 * sees the final stock and the markers end as it has them.
 */
export const notifyLowStockWorkflow = createWorkflow(
  notifyLowStockWorkflowId,
  (input: { inventory_level_id: string }) => {
    const lockKey = transform({ input }, lowStockLockKey)
    const lockOwner = transform({ input }, lowStockLockOwner)
    acquireLockStep({
      key: lockKey,
      timeout: LOW_STOCK_LOCK_TIMEOUT,
      ttl: LOW_STOCK_LOCK_TTL,
      ownerId: lockOwner,
    })

    const { data: levels } = useQueryGraphStep({
      entity: "inventory_level",
      fields: STOCK_LEVEL_FIELDS,
      filters: { id: input.inventory_level_id },
      options: { cache: { enable: false } },
    })
    const stock = transform({ levels }, function levelAlertStock({ levels }) {
      const level: StockLevel | undefined = levels[0]
      return { ...levelStock(level), found: !!level }
    })
    const sync = syncLowStockAlertsStep(
      transform({ stock, input }, function lowStockSync({ stock, input }) {
        return {
          inventory_level_id: input.inventory_level_id,
          available: stock.found ? stock.available : null,
          variants: stock.variants.map(({ variant_id, threshold }) => ({
            variant_id,
            threshold,
          })),
        }
      })
    )
    const notifications = transform(
      { sync, stock },
      function lowStockNotifications({ sync, stock }): NotificationInput[] {
        const { available, location_id, variants } = stock
        return variants
          .filter(({ variant_id }) =>
            sync.claimed.some((alert) => alert.variant_id === variant_id)
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

    releaseLockStep({ key: lockKey, ownerId: lockOwner })
    return new WorkflowResponse({ published })
  }
)
