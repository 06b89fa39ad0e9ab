import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reserveFlashSaleItemWorkflow } from "../../../../../workflows/flash-sale/reserve-item"
import type { StoreReserveFlashSaleItemType } from "../../validators"

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

/** Reserves units of a sale item and adds them to the customer's cart. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreReserveFlashSaleItemType>,
  res: MedusaResponse
) => {
  const { item_id, quantity, cart_id } = req.validatedBody
  const { result: reservation } = await reserveFlashSaleItemWorkflow(
    req.scope
  ).run({
    input: {
      sale_id: req.params.id,
      item_id,
      quantity,
      cart_id,
      customer_id: req.auth_context.actor_id,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: CART_FIELDS,
    filters: { id: cart_id },
  })
  res.status(201).json({ reservation, cart: data[0] })
}
