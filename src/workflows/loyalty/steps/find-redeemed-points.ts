import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

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
    const [redeemed] = await loyalty.listLoyaltyEntries({
      source_id: order_id,
      type: "redeem",
    })
    if (!redeemed) {
      return new StepResponse<CreditPointsInput | null>(null)
    }
    const account = await loyalty.retrieveLoyaltyAccount(redeemed.account_id)
    return new StepResponse<CreditPointsInput | null>({
      customerId: account.customer_id,
      points: Math.abs(redeemed.points),
      type: "reverse",
      reason: "Points returned: order canceled",
      sourceType: "order",
      sourceId: order_id,
      idempotencyKey: `order:${order_id}:return-redeemed`,
    })
  }
)
