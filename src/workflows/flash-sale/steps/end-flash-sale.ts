import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FlashSaleStatus } from "../../../modules/flash-sale"
import { flashSaleService } from "../utils/module"
import { SALE_STATUS_LOCK } from "../utils/status-lock"
import { runLocked } from "../../utils/run-locked"

export const endFlashSaleStepId = "flash-sale-end"

/**
 * Ends a sale now: no new reservations, while holds already taken can still
 * be checked out until they expire. Ending an ended sale changes nothing.
 * Compensation restores the previous status.
 */
export const endFlashSaleStep = createStep(
  endFlashSaleStepId,
  async ({ id }: { id: string }, { container }) => {
    const service = flashSaleService(container)
    const from = await runLocked(container, SALE_STATUS_LOCK, async () => {
      const sale = await service.retrieveFlashSale(id, {
        select: ["id", "status"],
      })
      if (sale.status !== "ended") {
        await service.updateFlashSales({ id, status: "ended" })
      }
      return sale.status
    })
    const changed = from !== "ended"
    return new StepResponse({ id, changed }, changed ? { id, from } : undefined)
  },
  async (
    undo: { id: string; from: FlashSaleStatus } | undefined,
    { container }
  ) => {
    if (!undo) {
      return
    }
    await flashSaleService(container).updateFlashSales({
      id: undo.id,
      status: undo.from,
    })
  }
)
