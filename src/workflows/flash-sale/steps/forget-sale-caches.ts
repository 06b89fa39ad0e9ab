import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flashSaleService } from "../utils/module"

export const forgetSaleCachesStepId = "flash-sale-forget-caches"

/**
 * Drops the reservation engine's cached copy of each sale so the next
 * reservation reads the edited sale. A dropped copy is rebuilt on demand, so
 * there is nothing to compensate.
 */
export const forgetSaleCachesStep = createStep(
  forgetSaleCachesStepId,
  async ({ sale_ids }: { sale_ids: string[] }, { container }) => {
    const service = flashSaleService(container)
    for (const saleId of sale_ids) {
      await service.forgetSaleCache(saleId)
    }
    return new StepResponse(sale_ids)
  }
)
