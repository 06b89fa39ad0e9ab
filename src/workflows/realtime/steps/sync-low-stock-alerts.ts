import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type LowStockAlertSync,
  type RealtimeModuleService,
  type SyncLowStockAlertsInput,
} from "../../../modules/realtime"

export const syncLowStockAlertsStepId = "realtime-sync-low-stock-alerts"

/**
 * Takes the markers of the level's variants below their threshold at the
 * given stock and removes the others; a deleted level keeps none. The
 * compensation removes the markers it took, so the next update alerts
 * again; the ones it removed stay removed, as a marker left on a level at
 * or above the threshold would silence its next fall.
 */
export const syncLowStockAlertsStep = createStep(
  syncLowStockAlertsStepId,
  async (input: SyncLowStockAlertsInput, { container }) => {
    if (!input.inventory_level_id) {
      const none: LowStockAlertSync = { claimed: [], cleared: [] }
      return new StepResponse(none, [])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const sync = await realtime.syncLowStockAlerts(input)
    return new StepResponse(
      sync,
      sync.claimed.map(({ id }) => id)
    )
  },
  async (claimedIds, { container }) => {
    if (!claimedIds?.length) {
      return
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    await realtime.deleteLowStockAlerts(claimedIds)
  }
)
