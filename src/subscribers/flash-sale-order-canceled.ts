import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseOrderReservationsWorkflow } from "../workflows/flash-sale/release-order-reservations"

/** Frees the flash-sale units a canceled order still held. */
export default async function flashSaleOrderCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await releaseOrderReservationsWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "flash-sale-order-canceled" },
}
