import { PromotionActions } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createPromotionsWorkflow,
  deletePromotionsWorkflow,
  releaseLockStep,
  updateCartPromotionsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { generateEntityId } from "@medusajs/framework/utils"
import { holdCartPointsStep } from "./steps/hold-cart-points"
import { loadLoyaltyProgrammeStep } from "./steps/load-programme"
import { unlinkPromotionOnRollbackStep } from "./steps/unlink-promotion-on-rollback"
import { validateCartRedemptionStep } from "./steps/validate-cart-redemption"
import {
  CART_LOCK_TIMEOUT,
  CART_LOCK_TTL,
  cartLockOwner,
} from "./utils/cart-lock"
import { loyaltyPromotionCode, splitLoyaltyCodes } from "./utils/redemption"

export const applyCartPointsWorkflowId = "loyalty-apply-cart-points"

export type ApplyCartPointsInput = {
  cart_id: string
  customer_id: string
  points: number
}

/** The cart fields the redemption workflows read. */
export const REDEMPTION_CART_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "completed_at",
  "item_subtotal",
  "promotions.id",
  "promotions.code",
]

/**
 * Pays part of a cart with points: holds them, and turns their value into a
 * one-cart promotion so the cart and the order show a real discount. Points
 * applied again replace the earlier amount. Changes to one cart's points run
 * one at a time, so its discount and its hold always match.
 */
export const applyCartPointsWorkflow = createWorkflow(
  applyCartPointsWorkflowId,
  (input: ApplyCartPointsInput) => {
    const lockOwner = transform({ input }, cartLockOwner)
    acquireLockStep({
      key: input.cart_id,
      timeout: CART_LOCK_TIMEOUT,
      ttl: CART_LOCK_TTL,
      ownerId: lockOwner,
    })

    const { data: carts } = useQueryGraphStep({
      entity: "cart",
      fields: REDEMPTION_CART_FIELDS,
      filters: { id: input.cart_id },
      options: { throwIfKeyNotFound: true },
    })
    const cart = transform({ carts }, function firstCart({ carts }) {
      return carts[0]
    })

    const programme = loadLoyaltyProgrammeStep({
      customer_id: input.customer_id,
    })
    const { amount } = validateCartRedemptionStep({
      cart,
      customer_id: input.customer_id,
      points: input.points,
      settings: programme.settings,
    })

    holdCartPointsStep({
      cartId: input.cart_id,
      customerId: input.customer_id,
      points: input.points,
    })

    const promotion = transform(
      { cart, amount, input },
      function loyaltyPromotion({ cart, amount, input }) {
        return {
          code: loyaltyPromotionCode(
            cart.id,
            generateEntityId(undefined, "").slice(-8)
          ),
          type: "standard" as const,
          status: "active" as const,
          is_automatic: false,
          limit: 1,
          metadata: { loyalty_cart_id: cart.id, loyalty_points: input.points },
          application_method: {
            type: "fixed" as const,
            target_type: "order" as const,
            allocation: "across" as const,
            value: amount,
            currency_code: cart.currency_code,
          },
        }
      }
    )
    createPromotionsWorkflow.runAsStep({
      input: { promotionsData: [promotion] },
    })

    unlinkPromotionOnRollbackStep({
      cart_id: input.cart_id,
      code: promotion.code,
    })

    const codes = transform(
      { cart, promotion },
      function cartCodes({ cart, promotion }) {
        const { keep, loyaltyIds } = splitLoyaltyCodes(cart.promotions)
        return { keep: keep.concat(promotion.code), replacedIds: loyaltyIds }
      }
    )
    updateCartPromotionsWorkflow.runAsStep({
      input: {
        cart_id: input.cart_id,
        promo_codes: codes.keep,
        action: PromotionActions.REPLACE,
      },
    })

    when(
      "replaces-points",
      { codes },
      ({ codes }) => codes.replacedIds.length > 0
    ).then(() => {
      deletePromotionsWorkflow.runAsStep({ input: { ids: codes.replacedIds } })
    })

    releaseLockStep({ key: input.cart_id, ownerId: lockOwner })
    return new WorkflowResponse({ cart_id: input.cart_id, amount })
  }
)
