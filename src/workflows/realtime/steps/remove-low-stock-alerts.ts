import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type LowStockAlertKey,
  type RealtimeModuleService,
  type RemoveLowStockAlertsInput,
} from "../../../modules/realtime"

export const removeLowStockAlertsStepId = "realtime-remove-low-stock-alerts"

/**
 * Removes the markers of deleted inventory levels or variants. The
 * compensation puts them back.
 */
export const removeLowStockAlertsStep = createStep(
  removeLowStockAlertsStepId,
  async (input: RemoveLowStockAlertsInput, { container }) => {
    if (!input.inventory_level_ids?.length && !input.variant_ids?.length) {
      return new StepResponse([], [] as LowStockAlertKey[])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const removed = await realtime.removeLowStockAlerts(input)
    return new StepResponse(
      removed,
      removed.map(({ inventory_level_id, variant_id }) => ({
        inventory_level_id,
        variant_id,
      }))
    )
  },
  async (removed, { container }) => {
    if (!removed?.length) {
      return
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    await realtime.claimLowStockAlerts(removed)
  }
)
