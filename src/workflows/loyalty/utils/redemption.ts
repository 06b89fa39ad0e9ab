import { MedusaError } from "@medusajs/framework/utils"
import type { LoyaltySettingsValues } from "../../../modules/loyalty"

/** Code prefix of the one-cart promotions that carry redeemed points. */
export const LOYALTY_CODE_PREFIX = "LOYALTY-"

/** The code of a cart's points promotion: bound to the cart, not guessable. */
export function loyaltyPromotionCode(cartId: string, nonce: string): string {
  return `${LOYALTY_CODE_PREFIX}${cartId}-${nonce}`.toUpperCase()
}

/** Whether `code` is a points promotion made for `cartId`. */
export function isCodeForCart(code: string, cartId: string): boolean {
  return code
    .toUpperCase()
    .startsWith(`${LOYALTY_CODE_PREFIX}${cartId}-`.toUpperCase())
}

/** Currency value of `points`, rounded to the cent. */
export function pointsValue(
  points: number,
  currency: string,
  settings: Pick<LoyaltySettingsValues, "point_value">
): number {
  const value = settings.point_value[currency.toLowerCase()]
  if (!value) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Points cannot be redeemed in ${currency.toUpperCase()}`
    )
  }
  return Math.round(points * value * 100) / 100
}

/**
 * Checks a redemption against the programme: at least the minimum, and worth
 * no more than the allowed share of the cart's items.
 */
export function assertRedeemable(
  points: number,
  itemSubtotal: number,
  currency: string,
  settings: Pick<
    LoyaltySettingsValues,
    "point_value" | "min_redemption" | "max_cart_share"
  >
): number {
  if (points < settings.min_redemption) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `At least ${settings.min_redemption} points must be redeemed at once`
    )
  }
  const amount = pointsValue(points, currency, settings)
  const ceiling = Math.floor(itemSubtotal * settings.max_cart_share * 100) / 100
  if (amount > ceiling) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Points can pay at most ${Math.round(settings.max_cart_share * 100)}% of the items (${ceiling} ${currency.toUpperCase()}); ${points} points are worth ${amount}`
    )
  }
  return amount
}

type CartPromotion = { id: string; code?: string | null } | null | undefined

/**
 * A cart's promotion codes split into the customer's own, which stay, and
 * the ids of its points promotions.
 */
export function splitLoyaltyCodes(
  promotions: CartPromotion[] | null | undefined
) {
  const existing = (promotions ?? []).flatMap((promo) =>
    promo?.code ? [{ id: promo.id, code: promo.code }] : []
  )
  const isLoyalty = (code: string) => code.startsWith(LOYALTY_CODE_PREFIX)
  return {
    keep: existing.filter((p) => !isLoyalty(p.code)).map((p) => p.code),
    loyaltyIds: existing.filter((p) => isLoyalty(p.code)).map((p) => p.id),
  }
}
