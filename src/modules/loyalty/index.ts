import { Module } from "@medusajs/framework/utils"
import LoyaltyModuleService from "./service"

/** Container key of the loyalty module. */
export const LOYALTY_MODULE = "loyalty"

/** The loyalty points module definition, for `medusa-config.ts`. */
export default Module(LOYALTY_MODULE, {
  service: LoyaltyModuleService,
})

export { LoyaltyModuleService }
export * from "./types"
export { computeTier } from "./utils/compute-tier"
export { rollbackKey } from "./utils/idempotency"
