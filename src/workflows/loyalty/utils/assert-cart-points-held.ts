import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { isCodeForCart, LOYALTY_CODE_PREFIX } from "./redemption"

/**
 * Throws `NOT_ALLOWED` unless the cart's points discount is still backed:
 * made for this cart, and exactly its points still held for it.
 */
export async function assertCartPointsHeld(
  container: Pick<MedusaContainer, "resolve">,
  cartId: string
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "promotions.code", "promotions.metadata"],
    filters: { id: cartId },
  })
  const promotions = (data[0]?.promotions ?? []).flatMap((promo) =>
    promo?.code?.startsWith(LOYALTY_CODE_PREFIX) ? [promo] : []
  )
  if (!promotions.length) {
    return
  }
  const [promotion] = promotions
  if (promotions.length > 1 || !isCodeForCart(promotion.code, cartId)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This cart carries a points discount that was not made for it; remove it and apply your points again"
    )
  }
  const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const [hold] = await loyalty.listLoyaltyHolds({
    cart_id: cartId,
    status: "active",
  })
  if (!hold) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The points applied to this cart are no longer held for it; remove them and apply them again"
    )
  }
  if (Number(promotion.metadata?.loyalty_points) !== hold.points) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The points discount on this cart does not match the points held for it (${hold.points}); apply your points again`
    )
  }
}
