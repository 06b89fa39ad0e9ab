import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensureAdminUser } from "./seed/admin-user"
import { ensurePublishableKey } from "./seed/api-key"
import { CATALOG } from "./seed/catalog"
import { ensureCategories } from "./seed/categories"
import { ensureCollections } from "./seed/collections"
import { ensureDemoCustomer } from "./seed/demo-customer"
import { awardSignupBonusWorkflow } from "../workflows/loyalty/award-signup-bonus"
import { ensureFulfillmentSets } from "./seed/fulfillment-sets"
import { ALL_COUNTRIES } from "./seed/geography"
import { ensureInventoryLevels } from "./seed/inventory"
import { ensureProducts } from "./seed/products"
import { ensureRegions } from "./seed/regions"
import { ensureSalesChannel } from "./seed/sales-channel"
import { ensureShippingOptions } from "./seed/shipping-options"
import { ensureDefaultShippingProfile } from "./seed/shipping-profile"
import { ensureStockLocation } from "./seed/stock-location"
import { configureStore, markStoreSeeded, setStoreDefaults } from "./seed/store"
import { ensureTags } from "./seed/tags"
import { ensureTaxRegions } from "./seed/tax-regions"
import type { SeedSummary } from "./seed/types"

export type { SeedSummary } from "./seed/types"

/**
 * Seeds the Klelite bakery: store settings, regions, the Paris atelier and its
 * shipping, the storefront key, the catalog with stock, and two accounts.
 * Every step looks records up first, so running it again creates nothing.
 */
export default async function seedKleliteStore({
  container,
}: ExecArgs): Promise<SeedSummary> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.info("Klelite seed: store, sales channel and regions")

  const salesChannel = await ensureSalesChannel(container)
  await configureStore(container, salesChannel.id)
  const regions = await ensureRegions(container)
  await ensureTaxRegions(container, ALL_COUNTRIES)

  logger.info("Klelite seed: atelier stock location and shipping")
  const location = await ensureStockLocation(container, salesChannel.id)
  const zoneIds = await ensureFulfillmentSets(container, location.id)
  const shippingProfile = await ensureDefaultShippingProfile(container)
  await ensureShippingOptions(container, {
    zoneIds,
    shippingProfileId: shippingProfile.id,
    regions,
  })
  await setStoreDefaults(container, {
    regionId: regions[0].id,
    locationId: location.id,
  })

  logger.info("Klelite seed: publishable key")
  const apiKey = await ensurePublishableKey(container, salesChannel.id)

  logger.info("Klelite seed: categories, collections, tags and products")
  const productCount = await ensureProducts(container, CATALOG, {
    categoryIds: await ensureCategories(container),
    collectionIds: await ensureCollections(container),
    tagIds: await ensureTags(container),
    salesChannelId: salesChannel.id,
    shippingProfileId: shippingProfile.id,
  })
  const stocked = await ensureInventoryLevels(container, location.id)
  logger.info(`Klelite seed: ${stocked} inventory levels created`)

  logger.info("Klelite seed: admin user and demo customer")
  const admin = await ensureAdminUser(container)
  const customer = await ensureDemoCustomer(container)
  // The customer.created subscriber may run after the seed has finished (or
  // never, when `medusa exec` exits first); the bonus is idempotent, so
  // awarding it here leaves the seeded store in one known state.
  await awardSignupBonusWorkflow(container).run({
    input: { customer_id: customer.id },
  })

  await markStoreSeeded(container)
  logger.info(
    `Klelite seed: done (${productCount} products, admin ${admin.email})`
  )

  return {
    regions: regions.map(({ id, name, currency_code }) => ({
      id,
      name,
      currency_code,
    })),
    salesChannelId: salesChannel.id,
    publishableKey: apiKey.token,
    productCount,
    adminEmail: admin.email,
    customerEmail: customer.email,
  }
}
