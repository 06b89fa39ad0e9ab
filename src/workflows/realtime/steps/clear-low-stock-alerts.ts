import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type LowStockAlertKey,
  type RealtimeModuleService,
} from "../../../modules/realtime"

export const clearLowStockAlertsStepId = "realtime-clear-low-stock-alerts"

/**
 * Removes the markers of variants whose level is back at or above their
 * threshold, so the next fall is alerted again. The compensation puts back
 * the markers it removed.
 */
export const clearLowStockAlertsStep = createStep(
  clearLowStockAlertsStepId,
  async (keys: LowStockAlertKey[], { container }) => {
    if (!keys.length) {
      return new StepResponse([], [])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const cleared = await realtime.clearLowStockAlerts(keys)
    return new StepResponse(
      cleared,
      cleared.map(({ inventory_level_id, variant_id }) => ({
        inventory_level_id,
        variant_id,
      }))
    )
  },
  async (cleared, { container }) => {
    if (!cleared?.length) {
      return
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    await realtime.claimLowStockAlerts(cleared)
  }
)
