import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
export {
  saleState,
  STORE_SALE_SELECT,
  storeFlashSale,
} from "../../../workflows/flash-sale/utils/store-sale"

/**
 * The currency to price in: the one asked for, else the region's, else
 * none (items then carry every price but no `price`).
 */
export async function requestedCurrency(
  scope: Pick<MedusaContainer, "resolve">,
  { currency_code, region_id }: { currency_code?: string; region_id?: string }
): Promise<string | null> {
  if (currency_code || !region_id) {
    return currency_code ?? null
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "region",
    fields: ["currency_code"],
    filters: { id: region_id },
  })
  if (!data[0]) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Region with id: ${region_id} was not found`
    )
  }
  return data[0].currency_code
}
