import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FlashSaleStatus } from "../../../modules/flash-sale"
import { flashSaleService } from "../utils/module"
import { SALE_STATUS_LOCK } from "../utils/status-lock"
import { runLocked } from "../../utils/run-locked"

type StatusChange = { id: string; from: FlashSaleStatus }

export const advanceSaleStatusesStepId = "flash-sale-advance-statuses"

/**
 * Moves scheduled sales whose start has passed to `active` and selling sales
 * whose end has passed to `ended`. The status is the record that an event
 * was emitted, so a sale moves (and is announced) once. Compensation puts
 * the previous statuses back.
 */
export const advanceSaleStatusesStep = createStep(
  advanceSaleStatusesStepId,
  async ({ now }: { now: string }, { container }) => {
    const service = flashSaleService(container)
    const at = new Date(now)
    const changes = await runLocked(container, SALE_STATUS_LOCK, async () => {
      const due = await service.listFlashSales(
        { status: ["scheduled", "active"], starts_at: { $lte: at } },
        { select: ["id", "status", "ends_at"] }
      )
      const started = due.filter(
        (sale) => sale.status === "scheduled" && sale.ends_at > at
      )
      const ended = due.filter((sale) => sale.ends_at <= at)
      if (started.length || ended.length) {
        await service.updateFlashSales([
          ...started.map(({ id }) => ({ id, status: "active" as const })),
          ...ended.map(({ id }) => ({ id, status: "ended" as const })),
        ])
      }
      const change = ({ id, status }: (typeof due)[number]) => ({
        id,
        from: status,
      })
      return { started: started.map(change), ended: ended.map(change) }
    })
    return new StepResponse(
      {
        started: changes.started.map(({ id }) => id),
        ended: changes.ended.map(({ id }) => id),
      },
      [...changes.started, ...changes.ended]
    )
  },
  async (changes: StatusChange[] | undefined, { container }) => {
    if (!changes?.length) {
      return
    }
    await flashSaleService(container).updateFlashSales(
      changes.map(({ id, from }) => ({ id, status: from }))
    )
  }
)
