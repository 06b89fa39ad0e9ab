import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { rewardReferralWorkflow } from "../workflows/loyalty/reward-referral"

/** Rewards a referral when the referee places their first order. */
export default async function loyaltyReferralOnOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await rewardReferralWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "loyalty-referral-on-order-placed" },
}
