import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FlashSaleEvents } from "../workflows/flash-sale/events"
import { publishSaleStatusWorkflow } from "../workflows/flash-sale/publish-sale-status"

/** Streams a sale's start to its shoppers and the admins. */
export default async function flashSaleStreamStarted({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await publishSaleStatusWorkflow(container).run({
    input: { id: data.id, event: FlashSaleEvents.STARTED },
  })
}

export const config: SubscriberConfig = {
  event: FlashSaleEvents.STARTED,
  context: { subscriberId: "flash-sale-stream-started" },
}
