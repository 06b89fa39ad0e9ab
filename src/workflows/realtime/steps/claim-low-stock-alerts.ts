import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type LowStockAlertKey,
  type RealtimeModuleService,
} from "../../../modules/realtime"

export const claimLowStockAlertsStepId = "realtime-claim-low-stock-alerts"

/**
 * Marks the variants' levels alerted and returns the markers this run took,
 * so each fall below the threshold is alerted once however many updates or
 * instances handle it. The compensation removes the markers it took.
 */
export const claimLowStockAlertsStep = createStep(
  claimLowStockAlertsStepId,
  async (keys: LowStockAlertKey[], { container }) => {
    if (!keys.length) {
      return new StepResponse([], [])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const claimed = await realtime.claimLowStockAlerts(keys)
    return new StepResponse(
      claimed,
      claimed.map(({ id }) => id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    await realtime.deleteLowStockAlerts(ids)
  }
)
