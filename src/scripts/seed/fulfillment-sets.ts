import type {
  FulfillmentSetDTO,
  ServiceZoneDTO,
} from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ALL_COUNTRIES, EUROPE_COUNTRIES, US_COUNTRIES } from "./geography"
import { ensureLink } from "./links"
import type { SeedContainer } from "./types"

/** A service zone, named uniquely, and the countries it covers. */
type ZoneDefinition = { name: string; countries: string[] }

/** A fulfillment set of the atelier with its service zones. */
type FulfillmentSetDefinition = {
  name: string
  type: "shipping" | "pickup"
  zones: ZoneDefinition[]
}

/** Service zone names, used by the shipping options to find their zone. */
export const SERVICE_ZONES = {
  europeDelivery: "Klelite Europe delivery",
  usDelivery: "Klelite United States delivery",
  atelierPickup: "Klelite Atelier Paris counter",
}

const FULFILLMENT_SETS: FulfillmentSetDefinition[] = [
  {
    name: "Klelite Atelier Paris delivery",
    type: "shipping",
    zones: [
      { name: SERVICE_ZONES.europeDelivery, countries: EUROPE_COUNTRIES },
      { name: SERVICE_ZONES.usDelivery, countries: US_COUNTRIES },
    ],
  },
  {
    name: "Klelite Atelier Paris pickup",
    type: "pickup",
    zones: [{ name: SERVICE_ZONES.atelierPickup, countries: ALL_COUNTRIES }],
  },
]

function countryZones(countries: string[]) {
  return countries.map((country_code) => ({
    type: "country" as const,
    country_code,
  }))
}

async function ensureFulfillmentSet(
  container: SeedContainer,
  definition: FulfillmentSetDefinition
): Promise<FulfillmentSetDTO> {
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillmentService.listFulfillmentSets({
    name: definition.name,
  })
  if (existing) {
    return existing
  }
  return fulfillmentService.createFulfillmentSets({
    name: definition.name,
    type: definition.type,
  })
}

async function ensureServiceZone(
  container: SeedContainer,
  fulfillmentSetId: string,
  zone: ZoneDefinition
): Promise<ServiceZoneDTO> {
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillmentService.listServiceZones({
    name: zone.name,
  })
  if (existing) {
    return existing
  }
  return fulfillmentService.createServiceZones({
    name: zone.name,
    fulfillment_set_id: fulfillmentSetId,
    geo_zones: countryZones(zone.countries),
  })
}

/**
 * Ensures the atelier's delivery and pickup fulfillment sets, their service
 * zones and their links to the stock location. Returns zone ids by name.
 */
export async function ensureFulfillmentSets(
  container: SeedContainer,
  stockLocationId: string
): Promise<Record<string, string>> {
  const zoneIds: Record<string, string> = {}

  for (const definition of FULFILLMENT_SETS) {
    const fulfillmentSet = await ensureFulfillmentSet(container, definition)
    await ensureLink(container, {
      [Modules.STOCK_LOCATION]: { stock_location_id: stockLocationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
    for (const zone of definition.zones) {
      const serviceZone = await ensureServiceZone(
        container,
        fulfillmentSet.id,
        zone
      )
      zoneIds[zone.name] = serviceZone.id
    }
  }

  return zoneIds
}
