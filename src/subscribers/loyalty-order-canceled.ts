import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseOrderPointsWorkflow } from "../workflows/loyalty/reverse-order-points"

/** Takes back a canceled order's points and returns the points it used. */
export default async function loyaltyOrderCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await reverseOrderPointsWorkflow(container).run({
    input: { order_id: data.id, cause: "cancel" },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "loyalty-order-canceled" },
}
