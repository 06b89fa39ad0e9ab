import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { redemptionToReturn } from "../utils/redemption-return"

export const findRedeemedPointsStepId = "loyalty-find-redeemed-points"

/**
 * The credit that gives back the points a canceled order was paid with;
 * null for other reversals or when no points were used.
 */
export const findRedeemedPointsStep = createStep(
  findRedeemedPointsStepId,
  async (
    { order_id, cause }: { order_id: string; cause: string },
    { container }
  ) => {
    if (cause !== "cancel") {
      return new StepResponse<CreditPointsInput | null>(null)
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    return new StepResponse<CreditPointsInput | null>(
      await redemptionToReturn(loyalty, order_id)
    )
  }
)
