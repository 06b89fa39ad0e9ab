import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  FlashSaleEvents,
  type UnitsChangedEventData,
} from "../workflows/flash-sale/events"
import { publishUnitsLeftWorkflow } from "../workflows/flash-sale/publish-units-left"
import { UnitsLeftCoalescer } from "../workflows/flash-sale/utils/units-left-coalescer"

let container_: MedusaContainer
const coalescer = new UnitsLeftCoalescer(
  async (input) => {
    await publishUnitsLeftWorkflow(container_).run({ input })
  },
  (error) =>
    container_
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Flash sale: units left were not published (${error})`)
)

/**
 * Streams the units left of items whose units were taken or given back, at
 * most every 250 ms per sale with the latest figures.
 */
export default async function flashSaleStreamUnitsLeft({
  event: { data },
  container,
}: SubscriberArgs<UnitsChangedEventData>) {
  container_ = container
  await coalescer.changed(data)
}

export const config: SubscriberConfig = {
  event: FlashSaleEvents.UNITS_CHANGED,
  context: { subscriberId: "flash-sale-stream-units-left" },
}
