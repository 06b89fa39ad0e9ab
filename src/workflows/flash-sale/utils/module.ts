import type { MedusaContainer } from "@medusajs/framework/types"
import {
  FLASH_SALE_MODULE,
  type FlashSaleModuleService,
} from "../../../modules/flash-sale"

/** The flash-sale module service from a step's container. */
export function flashSaleService(
  container: Pick<MedusaContainer, "resolve">
): FlashSaleModuleService {
  return container.resolve<FlashSaleModuleService>(FLASH_SALE_MODULE)
}
