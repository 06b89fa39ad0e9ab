import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { confirmOrderReservationsWorkflow } from "../workflows/flash-sale/confirm-order-reservations"

/** Counts a placed order's flash-sale units as sold; once per order. */
export default async function flashSaleOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await confirmOrderReservationsWorkflow(container).run({
    input: { order_id: data.id },
    context: { transactionId: `flash-sale-confirm-${data.id}` },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "flash-sale-order-placed" },
}
