import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  notifyPointsExpiringWorkflow,
  type NotifyPointsExpiringInput,
} from "../workflows/realtime/notify-points-expiring"

/** Warns the customer, live and by email, that points expire soon. */
export default async function realtimePointsExpiring({
  event: { data },
  container,
}: SubscriberArgs<NotifyPointsExpiringInput>) {
  await notifyPointsExpiringWorkflow(container).run({
    input: data,
    context: {
      transactionId: `realtime-points-expiring-${data.customer_id}-${data.expires_at.slice(0, 10)}`,
    },
  })
}

export const config: SubscriberConfig = {
  event: "loyalty.points_expiring",
  context: { subscriberId: "realtime-points-expiring" },
}
