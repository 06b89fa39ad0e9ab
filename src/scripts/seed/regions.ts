import type { RegionDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { REGION_DEFINITIONS } from "./geography"
import type { SeedContainer } from "./types"

/** Payment provider that needs no configuration. */
export const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"

/** Stripe provider id, registered when `STRIPE_API_KEY` is set. */
export const STRIPE_PAYMENT_PROVIDER = "pp_stripe_stripe"

/** Payment providers offered in every region for the current environment. */
export function regionPaymentProviders(
  env: NodeJS.ProcessEnv = process.env
): string[] {
  return env.STRIPE_API_KEY
    ? [SYSTEM_PAYMENT_PROVIDER, STRIPE_PAYMENT_PROVIDER]
    : [SYSTEM_PAYMENT_PROVIDER]
}

/** Finds the Europe and United States regions by name, creating missing ones. */
export async function ensureRegions(
  container: SeedContainer
): Promise<RegionDTO[]> {
  const regionService = container.resolve(Modules.REGION)
  const names = REGION_DEFINITIONS.map((definition) => definition.name)
  const existing = (await regionService.listRegions({})).filter((region) =>
    names.includes(region.name)
  )
  const existingNames = new Set(existing.map((region) => region.name))

  const missing = REGION_DEFINITIONS.filter(
    (definition) => !existingNames.has(definition.name)
  )
  let created: RegionDTO[] = []
  if (missing.length) {
    const payment_providers = regionPaymentProviders()
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: missing.map((definition) => ({
          name: definition.name,
          currency_code: definition.currency_code,
          countries: definition.countries,
          payment_providers,
        })),
      },
    })
    created = result
  }

  const all = [...existing, ...created]
  return names
    .map((name) => all.find((region) => region.name === name))
    .filter((region): region is RegionDTO => Boolean(region))
}
