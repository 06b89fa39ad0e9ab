import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { consumeCartHoldStep } from "./steps/consume-cart-hold"

export const redeemOrderPointsWorkflowId = "loyalty-redeem-order-points"

/**
 * Spends the points held for the cart an order was placed from: the hold
 * becomes a `redeem` entry. Once per order.
 */
export const redeemOrderPointsWorkflow = createWorkflow(
  { name: redeemOrderPointsWorkflowId, idempotent: true, store: true },
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "display_id", "cart.id"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const order = transform({ orders }, function orderCart({ orders }) {
      return {
        id: orders[0].id,
        display_id: orders[0].display_id,
        cart_id: orders[0].cart?.id ?? null,
      }
    })

    when("placed-from-cart", { order }, ({ order }) => !!order.cart_id).then(
      () => {
        consumeCartHoldStep(
          transform({ order }, function consumption({ order }) {
            return {
              cartId: order.cart_id as string,
              orderId: order.id,
              reason: `Redeemed on order #${order.display_id}`,
            }
          })
        )
      }
    )

    return new WorkflowResponse({ order_id: input.order_id })
  }
)
