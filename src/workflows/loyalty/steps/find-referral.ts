import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

export const findReferralRewardsStepId = "loyalty-find-referral-rewards"

/**
 * The two referral credits an order triggers: when it is the referee's first
 * order and the code they signed up with (`metadata.referral_code`) belongs
 * to another customer. Empty otherwise.
 */
export const findReferralRewardsStep = createStep(
  findReferralRewardsStepId,
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const none = new StepResponse<CreditPointsInput[]>([])
    const { data: orders } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer.id",
        "customer.has_account",
        "customer.metadata",
      ],
      filters: { id: order_id },
    })
    const referee = orders[0]?.customer
    const code = referee?.metadata?.referral_code
    if (!referee?.has_account || typeof code !== "string" || !code) {
      return none
    }
    const { data: previous } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { customer_id: referee.id },
      pagination: { take: 2, skip: 0 },
    })
    if (previous.length !== 1) {
      return none
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const [referrer] = await loyalty.listLoyaltyAccounts({
      referral_code: code.trim().toUpperCase(),
    })
    if (!referrer || referrer.customer_id === referee.id) {
      return none
    }
    const settings = await loyalty.getSettings()
    const shared = {
      type: "bonus" as const,
      sourceType: "referral",
      sourceId: order_id,
    }
    return new StepResponse<CreditPointsInput[]>(
      [
        {
          ...shared,
          customerId: referrer.customer_id,
          points: settings.referral_bonus_referrer,
          reason: "Referral: a friend placed their first order",
          idempotencyKey: `referral:${referee.id}:referrer`,
        },
        {
          ...shared,
          customerId: referee.id,
          points: settings.referral_bonus_referee,
          reason: "Referral: welcome from a friend",
          idempotencyKey: `referral:${referee.id}:referee`,
        },
      ].filter((credit) => credit.points > 0)
    )
  }
)
