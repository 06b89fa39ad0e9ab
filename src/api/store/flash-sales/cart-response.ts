import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

const CART_FIELDS = [
  "id",
  "currency_code",
  "item_subtotal",
  "total",
  "items.id",
  "items.variant_id",
  "items.quantity",
  "items.unit_price",
  "items.is_custom_price",
  "items.metadata",
]

/** The cart as the flash-sale routes answer with it: totals and lines. */
export async function flashSaleCart(req: MedusaRequest, cartId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: CART_FIELDS,
    filters: { id: cartId },
  })
  return data[0]
}
