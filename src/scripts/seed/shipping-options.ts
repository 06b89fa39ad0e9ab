import type { RegionDTO, ShippingOptionDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { SERVICE_ZONES } from "./fulfillment-sets"
import { MANUAL_FULFILLMENT_PROVIDER } from "./stock-location"
import type { SeedContainer } from "./types"

/** Flat price of a shipping option, in major units per currency. */
type FlatPrices = { eur: number; usd: number }

/** A shipping option the atelier offers in one service zone. */
type ShippingOptionDefinition = {
  name: string
  zone: string
  prices: FlatPrices
  type: { label: string; description: string; code: string }
}

const COURIER_TYPE = {
  label: "Courier",
  description: "Chilled courier delivery within 1-3 days.",
  code: "courier",
}

const COURIER_PRICES: FlatPrices = { eur: 12, usd: 15 }

/** The courier options (one per delivery zone) and the atelier pickup. */
export const SHIPPING_OPTIONS: ShippingOptionDefinition[] = [
  {
    name: "Courier delivery",
    zone: SERVICE_ZONES.europeDelivery,
    prices: COURIER_PRICES,
    type: COURIER_TYPE,
  },
  {
    name: "Courier delivery",
    zone: SERVICE_ZONES.usDelivery,
    prices: COURIER_PRICES,
    type: COURIER_TYPE,
  },
  {
    name: "In-store pickup",
    zone: SERVICE_ZONES.atelierPickup,
    prices: { eur: 0, usd: 0 },
    type: {
      label: "Pickup",
      description: "Collect your order at the Paris atelier.",
      code: "pickup",
    },
  },
]

const STORE_RULES = [
  { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
  { attribute: "is_return", operator: "eq" as const, value: "false" },
]

function priceFor(prices: FlatPrices, currencyCode: string): number {
  return currencyCode === "usd" ? prices.usd : prices.eur
}

function optionPrices(prices: FlatPrices, regions: RegionDTO[]) {
  return [
    { currency_code: "eur", amount: prices.eur },
    { currency_code: "usd", amount: prices.usd },
    ...regions.map((region) => ({
      region_id: region.id,
      amount: priceFor(prices, region.currency_code),
    })),
  ]
}

/**
 * Creates the courier and pickup shipping options that are missing, keyed by
 * name within their service zone.
 */
export async function ensureShippingOptions(
  container: SeedContainer,
  input: {
    zoneIds: Record<string, string>
    shippingProfileId: string
    regions: RegionDTO[]
  }
): Promise<ShippingOptionDTO[]> {
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const zoneIds = Object.values(input.zoneIds)
  const existing = await fulfillmentService.listShippingOptions({
    service_zone: { id: zoneIds },
  })

  const missing = SHIPPING_OPTIONS.filter(
    (definition) =>
      !existing.some(
        (option) =>
          option.name === definition.name &&
          option.service_zone_id === input.zoneIds[definition.zone]
      )
  )
  if (!missing.length) {
    return existing
  }

  const { result } = await createShippingOptionsWorkflow(container).run({
    input: missing.map((definition) => ({
      name: definition.name,
      price_type: "flat" as const,
      provider_id: MANUAL_FULFILLMENT_PROVIDER,
      service_zone_id: input.zoneIds[definition.zone],
      shipping_profile_id: input.shippingProfileId,
      type: definition.type,
      prices: optionPrices(definition.prices, input.regions),
      rules: STORE_RULES,
    })),
  })
  return [...existing, ...result]
}
