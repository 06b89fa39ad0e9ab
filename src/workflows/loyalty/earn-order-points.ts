import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { orderEarnKey } from "./utils/keys"
import { creditPointsStep } from "./steps/credit-points"
import { loadCurrentTierStep } from "./steps/load-current-tier"
import { refreshTierStep } from "./steps/refresh-tier"
import { pointsBasis, pointsForSpend } from "./utils/order-earning"

export const earnOrderPointsWorkflowId = "loyalty-earn-order-points"

/**
 * Credits the points an order earns: on what the customer paid for the items
 * (after discounts, without shipping and tax) at the multiplier of the tier
 * their last 12 months of spend reach, then recomputes the stored tier.
 * Registered customers only; once per order.
 */
export const earnOrderPointsWorkflow = createWorkflow(
  { name: earnOrderPointsWorkflowId, idempotent: true, store: true },
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "customer_id",
        "currency_code",
        "item_total",
        "item_tax_total",
        "customer.has_account",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })

    const order = transform({ orders }, function firstOrder({ orders }) {
      return orders[0]
    })

    const customerId = transform(
      { order },
      function registeredCustomer({ order }) {
        return order.customer_id && order.customer?.has_account
          ? order.customer_id
          : null
      }
    )
    const programme = loadCurrentTierStep({ customer_id: customerId })
    const credit = transform(
      { order, programme },
      function orderCredit({ order, programme }) {
        const spend = pointsBasis(order)
        const multiplier = programme?.tier.multiplier ?? 1
        return {
          customerId: order.customer_id as string,
          points: programme
            ? pointsForSpend(spend, order.currency_code, programme.settings, {
                multiplier,
              })
            : 0,
          type: "earn" as const,
          reason: `Order #${order.display_id}`,
          sourceType: "order",
          sourceId: order.id,
          idempotencyKey: orderEarnKey(order.id),
          metadata: {
            spend,
            currency_code: order.currency_code,
            multiplier,
          },
        }
      }
    )

    when(
      "credit-if-points",
      { credit },
      ({ credit }) => credit.points > 0
    ).then(() => {
      creditPointsStep(credit)
    })
    refreshTierStep({ customer_id: customerId })

    return new WorkflowResponse({ order_id: input.order_id })
  }
)
