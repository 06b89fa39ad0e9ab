import { PromotionActions } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  deletePromotionsWorkflow,
  releaseLockStep,
  updateCartPromotionsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { REDEMPTION_CART_FIELDS } from "./apply-cart-points"
import { releaseCartPointsStep } from "./steps/release-cart-points"
import { validateCartRedemptionStep } from "./steps/validate-cart-redemption"
import {
  CART_LOCK_TIMEOUT,
  CART_LOCK_TTL,
  cartLockOwner,
} from "./utils/cart-lock"
import { splitLoyaltyCodes } from "./utils/redemption"

export const removeCartPointsWorkflowId = "loyalty-remove-cart-points"

export type RemoveCartPointsInput = {
  cart_id: string
  /** The customer asking; omitted when the store releases an abandoned cart. */
  customer_id?: string
}

/**
 * Takes the points off a cart: removes their promotion and frees the hold,
 * holding the cart's lock like every other change of its points. A completed
 * cart keeps its hold, which its order spends or frees.
 */
export const removeCartPointsWorkflow = createWorkflow(
  removeCartPointsWorkflowId,
  (input: RemoveCartPointsInput) => {
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

    when(
      "asked-by-customer",
      { input },
      ({ input }) => !!input.customer_id
    ).then(() => {
      validateCartRedemptionStep({
        cart,
        customer_id: input.customer_id as string,
      })
    })

    const codes = transform({ cart }, function splitCodes({ cart }) {
      const { keep, loyaltyIds } = splitLoyaltyCodes(cart.promotions)
      return { keep, removedIds: loyaltyIds }
    })

    when(
      "cart-open-with-points",
      { codes, cart },
      ({ codes, cart }) => codes.removedIds.length > 0 && !cart.completed_at
    ).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: {
          cart_id: input.cart_id,
          promo_codes: codes.keep,
          action: PromotionActions.REPLACE,
        },
      })
      deletePromotionsWorkflow.runAsStep({ input: { ids: codes.removedIds } })
    })

    const released = when(
      "cart-open",
      { cart },
      ({ cart }) => !cart.completed_at
    ).then(() => releaseCartPointsStep({ cart_id: input.cart_id }))
    releaseLockStep({ key: input.cart_id, ownerId: lockOwner })
    return new WorkflowResponse({
      cart_id: input.cart_id,
      released: transform({ released }, function freed({ released }) {
        return released ?? null
      }),
    })
  }
)
