import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { clearStage2Caches } from "../../../modules/legacy-migration/stage-2/caches"

export const clearStage2CachesStepId = "legacy-migration-stage-2-caches"

/**
 * Clears the cached lists of the products, categories and customers stage 2
 * created. Nothing to compensate: a cleared cache fills again on the next read.
 */
export const clearStage2CachesStep = createStep(
  clearStage2CachesStepId,
  async (_input: void, { container }) => {
    return new StepResponse(await clearStage2Caches(container))
  }
)
