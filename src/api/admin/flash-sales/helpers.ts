import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../../modules/flash-sale"
import { STORE_SALE_SELECT } from "../../../workflows/flash-sale/utils/store-sale"

/** The sale fields the admin routes return, items included. */
export const ADMIN_SALE_SELECT = [
  ...STORE_SALE_SELECT,
  "created_at",
  "updated_at",
]

type AdminSaleRecord = {
  items: {
    units_allocated: number
    units_sold: number
    units_reserved: number
  }[]
}

/** A sale for the admin, each item with the units still free. */
export function adminFlashSale<T extends AdminSaleRecord>(sale: T) {
  return {
    ...sale,
    items: sale.items.map((item) => ({
      ...item,
      units_left: Math.max(
        item.units_allocated - item.units_sold - item.units_reserved,
        0
      ),
    })),
  }
}

/** Reads a sale the admin way; throws `NOT_FOUND` for an unknown id. */
export async function retrieveAdminFlashSale(
  scope: Pick<MedusaContainer, "resolve">,
  id: string
) {
  const sale = await scope
    .resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
    .retrieveFlashSale(id, {
      select: ADMIN_SALE_SELECT,
      relations: ["items"],
    })
  return adminFlashSale(sale)
}

/**
 * The sale ids with an item for one of the variants (or the product's
 * variants); null when the list is not filtered by variant.
 */
export async function saleIdsForVariants(
  scope: Pick<MedusaContainer, "resolve">,
  filters: { variant_id?: string[]; product_id?: string }
): Promise<string[] | null> {
  let variantIds = filters.variant_id ?? null
  if (filters.product_id) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "variant",
      fields: ["id"],
      filters: { product_id: filters.product_id },
    })
    const ofProduct = data.map(({ id }) => id)
    variantIds = variantIds
      ? variantIds.filter((id) => ofProduct.includes(id))
      : ofProduct
  }
  if (!variantIds) {
    return null
  }
  if (!variantIds.length) {
    return []
  }
  const items = await scope
    .resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
    .listFlashSaleItems({ variant_id: variantIds }, { select: ["sale_id"] })
  return [...new Set(items.map(({ sale_id }) => sale_id))]
}
