import { Module } from "@medusajs/framework/utils"
import FlashSaleModuleService from "./service"

/** Container key of the flash-sale module. */
export const FLASH_SALE_MODULE = "flashSale"

/** The flash-sale module definition, for `medusa-config.ts`. */
export default Module(FLASH_SALE_MODULE, {
  service: FlashSaleModuleService,
})

export { FlashSaleModuleService }
export * from "./types"
export type { AttemptLimiter, ReservationEngine } from "./engine/types"
