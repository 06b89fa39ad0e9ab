import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { endFlashSaleWorkflow } from "../../../../../workflows/flash-sale/end-flash-sale"
import { retrieveAdminFlashSale } from "../../helpers"

/** Ends a sale now; holds already taken can still be checked out. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await endFlashSaleWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({
    flash_sale: await retrieveAdminFlashSale(req.scope, req.params.id),
  })
}
