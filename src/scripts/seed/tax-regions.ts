import type { TaxRegionDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createTaxRegionsWorkflow } from "@medusajs/medusa/core-flows"
import type { SeedContainer } from "./types"

/** Tax provider built into the tax module. */
export const SYSTEM_TAX_PROVIDER = "tp_system"

/** Creates a country-level tax region for every country that lacks one. */
export async function ensureTaxRegions(
  container: SeedContainer,
  countries: string[]
): Promise<TaxRegionDTO[]> {
  const taxService = container.resolve(Modules.TAX)
  const existing = (
    await taxService.listTaxRegions({ country_code: countries })
  ).filter((region) => !region.parent_id)
  const covered = new Set(existing.map((region) => region.country_code))
  const missing = countries.filter((country) => !covered.has(country))
  if (!missing.length) {
    return existing
  }

  const { result } = await createTaxRegionsWorkflow(container).run({
    input: missing.map((country_code) => ({
      country_code,
      provider_id: SYSTEM_TAX_PROVIDER,
    })),
  })
  return [...existing, ...result]
}
