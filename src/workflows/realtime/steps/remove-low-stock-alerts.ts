import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type LowStockAlertDTO,
  type LowStockAlertKey,
  type RealtimeModuleService,
} from "../../../modules/realtime"
import {
  LOW_STOCK_LOCK_TIMEOUT,
  LOW_STOCK_LOCK_TTL,
  lowStockLockKey,
} from "../utils/low-stock-lock"
import { runLocked } from "../../utils/run-locked"

export const removeLowStockAlertsStepId = "realtime-remove-low-stock-alerts"

export type RemoveLowStockAlertsStepInput = {
  /** Deleted levels: all their markers go. */
  inventory_level_ids: string[]
  /** Deleted variants: their markers go, at every level. */
  variant_ids: string[]
  /** Levels that stocked the deleted variants. */
  variant_level_ids: string[]
}

/**
 * Removes the markers of deleted inventory levels or variants. It holds the
 * lock of each level concerned, a deleted variant's levels being those that
 * stocked it or hold a marker of it, so a sync that read a level just
 * before the deletion finishes first and leaves no marker behind. The
 * compensation puts them back.
 */
export const removeLowStockAlertsStep = createStep(
  removeLowStockAlertsStepId,
  async (input: RemoveLowStockAlertsStepInput, { container }) => {
    const { inventory_level_ids, variant_ids } = input
    if (!inventory_level_ids.length && !variant_ids.length) {
      return new StepResponse([], [] as LowStockAlertKey[])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const marked = variant_ids.length
      ? await realtime.listLowStockAlerts({ variant_id: variant_ids })
      : []
    const deletedLevels = new Set(inventory_level_ids)
    const levelIds = new Set([
      ...inventory_level_ids,
      ...input.variant_level_ids,
      ...marked.map(({ inventory_level_id }) => inventory_level_id),
    ])
    const removed: LowStockAlertDTO[] = []
    // One level at a time: lock providers take several keys in no set order.
    for (const levelId of [...levelIds].sort()) {
      const remove = () =>
        realtime.removeLowStockAlerts(
          deletedLevels.has(levelId)
            ? { inventory_level_id: levelId }
            : { inventory_level_id: levelId, variant_ids }
        )
      removed.push(
        ...(await runLocked(container, lowStockLockKey(levelId), remove, {
          timeout: LOW_STOCK_LOCK_TIMEOUT,
          expire: LOW_STOCK_LOCK_TTL,
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
