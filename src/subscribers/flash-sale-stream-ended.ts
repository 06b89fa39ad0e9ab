import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FlashSaleEvents } from "../workflows/flash-sale/events"
import { publishSaleStatusWorkflow } from "../workflows/flash-sale/publish-sale-status"

/** Streams a sale's end to its shoppers. */
export default async function flashSaleStreamEnded({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await publishSaleStatusWorkflow(container).run({
    input: { id: data.id, event: FlashSaleEvents.ENDED },
  })
}

export const config: SubscriberConfig = {
  event: FlashSaleEvents.ENDED,
  context: { subscriberId: "flash-sale-stream-ended" },
}
