import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { consumeCartHoldStep } from "./steps/consume-cart-hold"
import { releaseCartPointsStep } from "./steps/release-cart-points"
import { isCodeForCart } from "./utils/redemption"

export const redeemOrderPointsWorkflowId = "loyalty-redeem-order-points"

/**
 * Spends the points held for the cart an order was placed from: the hold
 * becomes a `redeem` entry. An order that no longer carries the points
 * discount was paid in full, and a canceled one buys nothing, so their hold
 * is freed instead. Once per order.
 */
export const redeemOrderPointsWorkflow = createWorkflow(
  { name: redeemOrderPointsWorkflowId, idempotent: true, store: true },
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "status", "cart.id", "promotions.code"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const order = transform({ orders }, function orderCart({ orders }) {
      const cartId = orders[0].cart?.id ?? null
      return {
        id: orders[0].id,
        display_id: orders[0].display_id,
        cart_id: cartId,
        // A canceled order spends nothing, whenever its hold is settled.
        discounted:
          !!cartId &&
          orders[0].status !== "canceled" &&
          (orders[0].promotions ?? []).some(
            (promotion) =>
              !!promotion?.code && isCodeForCart(promotion.code, cartId)
          ),
      }
    })

    when(
      "placed-with-points",
      { order },
      ({ order }) => !!order.cart_id && order.discounted
    ).then(() => {
      consumeCartHoldStep(
        transform({ order }, function consumption({ order }) {
          return {
            cartId: order.cart_id as string,
            orderId: order.id,
            reason: `Redeemed on order #${order.display_id}`,
          }
        })
      )
    })

    when(
      "placed-without-points",
      { order },
      ({ order }) => !!order.cart_id && !order.discounted
    ).then(() => {
      releaseCartPointsStep(
        transform({ order }, function heldForCart({ order }) {
          return { cart_id: order.cart_id as string }
        })
      )
    })

    return new WorkflowResponse({ order_id: input.order_id })
  }
)
