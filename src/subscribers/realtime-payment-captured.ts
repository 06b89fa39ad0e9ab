import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyPaymentCapturedWorkflow } from "../workflows/realtime/notify-payment-captured"

/** Notifies the customer and the admins that a payment was captured. */
export default async function realtimePaymentCaptured({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await notifyPaymentCapturedWorkflow(container).run({
    input: { payment_id: data.id },
    context: { transactionId: `realtime-payment-captured-${data.id}` },
  })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "realtime-payment-captured" },
}
