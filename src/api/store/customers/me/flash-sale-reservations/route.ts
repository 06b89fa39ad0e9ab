import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../../../../modules/flash-sale"
import type { StoreListFlashSaleReservationsType } from "../../../flash-sales/validators"

/** The customer's flash-sale reservations, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreListFlashSaleReservationsType>,
  res: MedusaResponse
) => {
  const { status, limit, offset } = req.validatedQuery
  const [reservations, count] = await req.scope
    .resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
    .listAndCountFlashSaleReservations(
      {
        customer_id: req.auth_context.actor_id,
        ...(status ? { status } : {}),
      },
      {
        relations: ["item"],
        order: { created_at: "DESC" },
        take: limit,
        skip: offset,
      }
    )
  res.json({
    reservations: reservations.map(({ item, ...reservation }) => ({
      id: reservation.id,
      sale_id: item.sale_id,
      item_id: item.id,
      variant_id: item.variant_id,
      quantity: reservation.quantity,
      status: reservation.status,
      expires_at: reservation.expires_at,
      cart_id: reservation.cart_id,
      order_id: reservation.order_id,
      created_at: reservation.created_at,
    })),
    count,
    limit,
    offset,
  })
}
