import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  FlashSaleEvents,
  type SoldOutEventData,
} from "../workflows/flash-sale/events"
import { publishSoldOutWorkflow } from "../workflows/flash-sale/publish-sold-out"

/** Streams an item's sell-out to its sale's shoppers and the admins. */
export default async function flashSaleStreamSoldOut({
  event: { data },
  container,
}: SubscriberArgs<SoldOutEventData>) {
  await publishSoldOutWorkflow(container).run({ input: data })
}

export const config: SubscriberConfig = {
  event: FlashSaleEvents.SOLD_OUT,
  context: { subscriberId: "flash-sale-stream-sold-out" },
}
