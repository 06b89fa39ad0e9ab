import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../../modules/flash-sale"
import { createFlashSaleWorkflow } from "../../../workflows/flash-sale/create-flash-sale"
import {
  ADMIN_SALE_SELECT,
  adminFlashSale,
  retrieveAdminFlashSale,
  saleIdsForVariants,
} from "./helpers"
import type {
  AdminCreateFlashSaleType,
  AdminListFlashSalesType,
} from "./validators"

/** Flash sales, soonest start first, with each item's sell-through. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListFlashSalesType>,
  res: MedusaResponse
) => {
  const { status, variant_id, product_id, limit, offset } = req.validatedQuery
  const saleIds = await saleIdsForVariants(req.scope, {
    variant_id,
    product_id,
  })
  const [sales, count] =
    saleIds?.length === 0
      ? [[], 0]
      : await req.scope
          .resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
          .listAndCountFlashSales(
            {
              ...(status ? { status } : {}),
              ...(saleIds ? { id: saleIds } : {}),
            },
            {
              select: ADMIN_SALE_SELECT,
              relations: ["items"],
              // The id breaks ties, so pages of sales starting together
              // neither repeat nor skip one.
              order: { starts_at: "DESC", id: "DESC" },
              take: limit,
              skip: offset,
            }
          )
  res.json({
    flash_sales: sales.map(adminFlashSale),
    count,
    limit,
    offset,
  })
}

/** Defines a flash sale. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateFlashSaleType>,
  res: MedusaResponse
) => {
  const { result } = await createFlashSaleWorkflow(req.scope).run({
    input: req.validatedBody,
  })
  res
    .status(201)
    .json({ flash_sale: await retrieveAdminFlashSale(req.scope, result.id) })
}
