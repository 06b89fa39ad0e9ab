import type { SalesChannelDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createSalesChannelsWorkflow } from "@medusajs/medusa/core-flows"
import type { SeedContainer } from "./types"

/** Name of the sales channel the storefront sells through. */
export const SALES_CHANNEL_NAME = "Klelite Webshop"

/** Finds the webshop sales channel by name, creating it when missing. */
export async function ensureSalesChannel(
  container: SeedContainer
): Promise<SalesChannelDTO> {
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannelService.listSalesChannels({
    name: SALES_CHANNEL_NAME,
  })
  if (existing) {
    return existing
  }

  const { result } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [
        {
          name: SALES_CHANNEL_NAME,
          description: "Online orders for delivery and atelier pickup",
        },
      ],
    },
  })
  return result[0]
}
