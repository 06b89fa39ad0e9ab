import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../../../modules/flash-sale"
import {
  requestedCurrency,
  STORE_SALE_SELECT,
  storeFlashSale,
} from "../helpers"
import type { StoreGetFlashSaleType } from "../validators"

/** One published flash sale, ended ones included. */
export const GET = async (
  req: MedusaRequest<unknown, StoreGetFlashSaleType>,
  res: MedusaResponse
) => {
  const now = new Date()
  const service = req.scope.resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
  const [currencyCode, [sale]] = await Promise.all([
    requestedCurrency(req.scope, req.validatedQuery),
    service.listFlashSales(
      { id: req.params.id, status: { $ne: "draft" } },
      { select: STORE_SALE_SELECT, relations: ["items"] }
    ),
  ])
  if (!sale) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Flash sale ${req.params.id} was not found`
    )
  }
  res.json({
    server_time: now,
    currency_code: currencyCode,
    flash_sale: storeFlashSale(sale, now, currencyCode),
  })
}
