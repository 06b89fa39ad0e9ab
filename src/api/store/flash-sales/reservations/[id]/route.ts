import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { releaseFlashSaleReservationWorkflow } from "../../../../../workflows/flash-sale/release-reservation"

/** Gives a reservation back and takes its item out of the cart. */
export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await releaseFlashSaleReservationWorkflow(req.scope).run({
    input: {
      reservation_id: req.params.id,
      customer_id: req.auth_context.actor_id,
    },
  })
  res.json({
    id: req.params.id,
    object: "flash_sale_reservation",
    deleted: true,
  })
}
