import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import type { MigrateLegacyToMedusaInput, Stage2Targets } from "./types"

const misconfigured = (message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * The currency, sales channel, stock location and shipping profile stage 2
 * uses: from the input, else the store's defaults. Fails with what to set
 * when the store has none.
 */
export async function resolveStage2Targets(
  container: MedusaContainer,
  input: MigrateLegacyToMedusaInput
): Promise<Stage2Targets> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [store],
  } = await query.graph({
    entity: "store",
    fields: [
      "id",
      "default_sales_channel_id",
      "default_location_id",
      "supported_currencies.currency_code",
    ],
  })
  if (!store) {
    throw misconfigured("The Medusa store is not set up: run the seed first")
  }
  const currency = (input.currency_code ?? "eur").toLowerCase()
  const currencies = (store.supported_currencies ?? []).map(
    (c) => c?.currency_code
  )
  if (!currencies.includes(currency)) {
    throw misconfigured(
      `The store does not accept ${currency.toUpperCase()}, the currency of the legacy prices: add it to the store or pass currency_code`
    )
  }
  const salesChannelId =
    input.sales_channel_id ?? store.default_sales_channel_id
  if (!salesChannelId) {
    throw misconfigured(
      "The store has no default sales channel: pass sales_channel_id"
    )
  }
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { id: salesChannelId },
  })
  if (!channels.length) {
    throw misconfigured(`Sales channel ${salesChannelId} does not exist`)
  }
  const locationId =
    input.stock_location_id ??
    store.default_location_id ??
    channels[0].stock_locations?.[0]?.id
  if (!locationId) {
    throw misconfigured(
      "No stock location for the legacy stock: set the store's default location or pass stock_location_id"
    )
  }
  if (input.stock_location_id) {
    const { data: locations } = await query.graph({
      entity: "stock_location",
      fields: ["id"],
      filters: { id: input.stock_location_id },
    })
    if (!locations.length) {
      throw misconfigured(
        `Stock location ${input.stock_location_id} does not exist`
      )
    }
  }
  const { data: profiles } = await query.graph({
    entity: "shipping_profile",
    fields: ["id", "type"],
    filters: { type: "default" },
  })
  return {
    currency_code: currency,
    sales_channel_id: salesChannelId,
    stock_location_id: locationId,
    shipping_profile_id: profiles[0]?.id ?? null,
  }
}
