import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { awardSignupBonusWorkflow } from "../workflows/loyalty/award-signup-bonus"

/** Welcomes a newly registered customer with the signup bonus. */
export default async function loyaltySignupBonus({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await awardSignupBonusWorkflow(container).run({
    input: { customer_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "loyalty-signup-bonus" },
}
