import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type LowStockAlertDTO,
  type LowStockAlertKey,
  type RealtimeModuleService,
  type RemoveLowStockAlertsInput,
} from "../../../modules/realtime"
import {
  LOW_STOCK_LOCK_TIMEOUT,
  LOW_STOCK_LOCK_TTL,
  lowStockLockKey,
} from "../utils/low-stock-lock"
import { runLocked } from "../../utils/run-locked"

export const removeLowStockAlertsStepId = "realtime-remove-low-stock-alerts"

/**
 * Removes the markers of deleted inventory levels or variants. It holds the
 * levels' locks, so a sync that read a level just before its deletion
 * finishes first and leaves no marker behind. The compensation puts them
 * back.
 */
export const removeLowStockAlertsStep = createStep(
  removeLowStockAlertsStepId,
  async (input: RemoveLowStockAlertsInput, { container }) => {
    const levelIds = input.inventory_level_ids ?? []
    if (!levelIds.length && !input.variant_ids?.length) {
      return new StepResponse([], [] as LowStockAlertKey[])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const removed: LowStockAlertDTO[] = []
    // One level at a time: lock providers take several keys in no set order.
    for (const levelId of [...new Set(levelIds)].sort()) {
      const remove = () =>
        realtime.removeLowStockAlerts({ inventory_level_ids: [levelId] })
      removed.push(
        ...(await runLocked(container, lowStockLockKey(levelId), remove, {
          timeout: LOW_STOCK_LOCK_TIMEOUT,
          expire: LOW_STOCK_LOCK_TTL,
        }))
      )
    }
    if (input.variant_ids?.length) {
      removed.push(
        ...(await realtime.removeLowStockAlerts({
          variant_ids: input.variant_ids,
        }))
      )
    }
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
