import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  REALTIME_MODULE,
  type LowStockAlertDTO,
  type RealtimeModuleService,
} from "../../../modules/realtime"
import {
  LOW_STOCK_LOCK_TIMEOUT,
  LOW_STOCK_LOCK_TTL,
  lowStockLockKey,
} from "../utils/low-stock-lock"
import { runLocked } from "../../utils/run-locked"
import { levelStock, readLevelStock } from "../utils/stock"

export const syncLowStockAlertsStepId = "realtime-sync-low-stock-alerts"

/** A level's stock as the sync read it, and the markers it took. */
export type LevelLowStock = ReturnType<typeof levelStock> & {
  claimed: LowStockAlertDTO[]
}

/**
 * Under the level's lock, reads its stock and takes the markers of its
 * variants below their threshold, removing the others; a deleted level
 * keeps none. Syncs of one level take turns, so the last one decides on the
 * final stock. The lock goes with the sync (with PostgreSQL, a transaction
 * lock), so a crashed run cannot leave the level locked; with it few syncs
 * run at once (`runLocked`), as each holds a connection. The compensation
 * removes the markers it took, so the next update alerts again; the ones it
 * removed stay removed, as a marker left on a level at or above the
 * threshold would silence its next fall.
 */
export const syncLowStockAlertsStep = createStep(
  syncLowStockAlertsStepId,
  async (input: { inventory_level_id: string }, { container }) => {
    if (!input.inventory_level_id) {
      const none: LevelLowStock = {
        ...levelStock(undefined),
        claimed: [],
      }
      return new StepResponse(none, [])
    }
    const realtime = container.resolve<RealtimeModuleService>(REALTIME_MODULE)
    const sync = async (): Promise<LevelLowStock> => {
      const { found, ...stock } = await readLevelStock(
        container,
        input.inventory_level_id
      )
      const claimed = await realtime.syncLowStockAlerts({
        inventory_level_id: input.inventory_level_id,
        available: found ? stock.available : null,
        variants: stock.variants,
      })
      return { ...stock, claimed }
    }
    const stock = await runLocked(
      container,
      lowStockLockKey(input.inventory_level_id),
      sync,
      { timeout: LOW_STOCK_LOCK_TIMEOUT, expire: LOW_STOCK_LOCK_TTL }
    )
    return new StepResponse(
      stock,
      stock.claimed.map(({ id }) => id)
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
