import type { StockLocationDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStockLocationsWorkflow } from "@medusajs/medusa/core-flows"
import { ensureLink } from "./links"
import type { SeedContainer } from "./types"

/** Name of the atelier that bakes, stocks and ships every order. */
export const STOCK_LOCATION_NAME = "Klelite Atelier Paris"

/** Fulfillment provider shipped with Medusa for hand-packed parcels. */
export const MANUAL_FULFILLMENT_PROVIDER = "manual_manual"

const ATELIER_ADDRESS = {
  address_1: "27 rue Cler",
  city: "Paris",
  postal_code: "75007",
  country_code: "fr",
  phone: "+33 1 45 55 00 00",
}

/**
 * Finds or creates the Paris atelier stock location and links it to the sales
 * channel and the manual fulfillment provider.
 */
export async function ensureStockLocation(
  container: SeedContainer,
  salesChannelId: string
): Promise<StockLocationDTO> {
  const stockLocationService = container.resolve(Modules.STOCK_LOCATION)
  let [location] = await stockLocationService.listStockLocations({
    name: STOCK_LOCATION_NAME,
  })

  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [{ name: STOCK_LOCATION_NAME, address: ATELIER_ADDRESS }],
      },
    })
    location = result[0]
  }

  await ensureLink(container, {
    [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannelId },
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
  })
  await ensureLink(container, {
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: {
      fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER,
    },
  })

  return location
}
