import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/earn-order-points"

/** Credits the points an order earns; repeats of the event credit nothing. */
export default async function loyaltyEarnOnOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await earnOrderPointsWorkflow(container).run({
    input: { order_id: data.id },
    context: { transactionId: `loyalty-earn-${data.id}` },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "loyalty-earn-on-order-placed" },
}
