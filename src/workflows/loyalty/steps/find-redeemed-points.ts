import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  rollbackKey,
  type CreditPointsInput,
  type LoyaltyEntryDTO,
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
    const redeemed = await standingRedemption(loyalty, order_id)
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

/**
 * The order's redemption that still stands. An undone one (a
 * `rollback:<entry id>` entry exists) already gave its points back, held for
 * the cart again, so returning them too would pay them out twice.
 */
async function standingRedemption(
  loyalty: LoyaltyModuleService,
  orderId: string
): Promise<LoyaltyEntryDTO | undefined> {
  const redemptions = await loyalty.listLoyaltyEntries(
    { source_id: orderId, type: "redeem" },
    { order: { created_at: "ASC" }, take: null }
  )
  if (!redemptions.length) {
    return undefined
  }
  const undos = await loyalty.listLoyaltyEntries(
    { idempotency_key: redemptions.map((entry) => rollbackKey(entry.id)) },
    { select: ["idempotency_key"], take: null }
  )
  const undone = new Set(undos.map((entry) => entry.idempotency_key))
  return redemptions.find((entry) => !undone.has(rollbackKey(entry.id)))
}
