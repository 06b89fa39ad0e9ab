import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  FlashSaleEvents,
  type UnitsChangedEventData,
} from "../workflows/flash-sale/events"
import { publishUnitsLeftWorkflow } from "../workflows/flash-sale/publish-units-left"

/** Streams the units left of items whose units were taken or given back. */
export default async function flashSaleStreamUnitsLeft({
  event: { data },
  container,
}: SubscriberArgs<UnitsChangedEventData>) {
  await publishUnitsLeftWorkflow(container).run({ input: data })
}

export const config: SubscriberConfig = {
  event: FlashSaleEvents.UNITS_CHANGED,
  context: { subscriberId: "flash-sale-stream-units-left" },
}
