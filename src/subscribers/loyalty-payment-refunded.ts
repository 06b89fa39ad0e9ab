import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseRefundedPointsWorkflow } from "../workflows/loyalty/reverse-refunded-points"

/** Takes back the refunded share of an order's points. */
export default async function loyaltyPaymentRefunded({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await reverseRefundedPointsWorkflow(container).run({
    input: { payment_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "loyalty-payment-refunded" },
}
