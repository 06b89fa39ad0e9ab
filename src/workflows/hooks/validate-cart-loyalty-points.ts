import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../modules/loyalty"
import { isCodeForCart, LOYALTY_CODE_PREFIX } from "../loyalty/utils/redemption"

/**
 * Before a cart becomes an order, its points discount must still be backed:
 * made for this cart, and its points still held for it.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "promotions.code", "promotions.metadata"],
    filters: { id: cart.id },
  })
  const codes: string[] = (data[0]?.promotions ?? []).flatMap((promo) =>
    promo?.code?.startsWith(LOYALTY_CODE_PREFIX) ? [promo.code] : []
  )
  if (!codes.length) {
    return
  }
  if (codes.length > 1 || !isCodeForCart(codes[0], cart.id)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This cart carries a points discount that was not made for it; remove it and apply your points again"
    )
  }
  const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const [hold] = await loyalty.listLoyaltyHolds({
    cart_id: cart.id,
    status: "active",
  })
  if (!hold) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The points applied to this cart are no longer held for it; remove them and apply them again"
    )
  }
})
