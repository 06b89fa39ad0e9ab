import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  FLASH_SALE_MODULE,
  SELLING_SALE_STATUSES,
  type FlashSaleModuleService,
} from "../../../modules/flash-sale"
import { requestedCurrency, STORE_SALE_SELECT, storeFlashSale } from "./helpers"
import type { StoreListFlashSalesType } from "./validators"

/** Sales on now or coming up; storefronts poll this for countdowns. */
const MAX_SALES = 50

/** The active and upcoming flash sales with their items' units left. */
export const GET = async (
  req: MedusaRequest<unknown, StoreListFlashSalesType>,
  res: MedusaResponse
) => {
  const now = new Date()
  const service = req.scope.resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
  const [currencyCode, sales] = await Promise.all([
    requestedCurrency(req.scope, req.validatedQuery),
    service.listFlashSales(
      { status: [...SELLING_SALE_STATUSES], ends_at: { $gt: now } },
      {
        select: STORE_SALE_SELECT,
        relations: ["items"],
        order: { starts_at: "ASC" },
        take: MAX_SALES,
      }
    ),
  ])
  res.json({
    server_time: now,
    currency_code: currencyCode,
    flash_sales: sales.map((sale) => storeFlashSale(sale, now, currencyCode)),
  })
}
