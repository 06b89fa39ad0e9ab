import type { ShippingProfileDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createShippingProfilesWorkflow } from "@medusajs/medusa/core-flows"
import type { SeedContainer } from "./types"

/** Name of the profile every product ships under. */
export const SHIPPING_PROFILE_NAME = "Default"

/**
 * Reuses an existing profile of type "default" (or one named "Default"),
 * creating the "Default" profile when there is none.
 */
export async function ensureDefaultShippingProfile(
  container: SeedContainer
): Promise<ShippingProfileDTO> {
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const [byType] = await fulfillmentService.listShippingProfiles({
    type: "default",
  })
  if (byType) {
    return byType
  }
  const [byName] = await fulfillmentService.listShippingProfiles({
    name: SHIPPING_PROFILE_NAME,
  })
  if (byName) {
    return byName
  }

  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: SHIPPING_PROFILE_NAME, type: "default" }] },
  })
  return result[0]
}
