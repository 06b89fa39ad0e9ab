import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyPointsEarnedWorkflow } from "../workflows/realtime/notify-points-earned"

/** Tells the customer the points an order earned, once the ledger has them. */
export default async function realtimePointsEarned({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await notifyPointsEarnedWorkflow(container).run({
    input: { order_id: data.id },
    context: { transactionId: `realtime-points-earned-${data.id}` },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "realtime-points-earned" },
}
