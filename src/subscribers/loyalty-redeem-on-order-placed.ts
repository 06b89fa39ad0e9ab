import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { redeemOrderPointsWorkflow } from "../workflows/loyalty/redeem-order-points"

/** Spends the points held for the cart the order was placed from. */
export default async function loyaltyRedeemOnOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await redeemOrderPointsWorkflow(container).run({
    input: { order_id: data.id },
    context: { transactionId: `loyalty-redeem-${data.id}` },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "loyalty-redeem-on-order-placed" },
}
