import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { updateFlashSaleWorkflow } from "../../../../workflows/flash-sale/update-flash-sale"
import { retrieveAdminFlashSale } from "../helpers"
import type { AdminUpdateFlashSaleType } from "../validators"

/** One flash sale with each item's sell-through. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  res.json({
    flash_sale: await retrieveAdminFlashSale(req.scope, req.params.id),
  })
}

/** Edits a sale's title, window, prices, limits or allocations. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateFlashSaleType>,
  res: MedusaResponse
) => {
  await updateFlashSaleWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody },
  })
  res.json({
    flash_sale: await retrieveAdminFlashSale(req.scope, req.params.id),
  })
}
