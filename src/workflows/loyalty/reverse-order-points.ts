import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { findRedeemedPointsStep } from "./steps/find-redeemed-points"
import { refreshTierStep } from "./steps/refresh-tier"
import { returnRedeemedPointsStep } from "./steps/return-redeemed-points"
import { reverseEarnedPointsStep } from "./steps/reverse-earned-points"
import { refundedRatio } from "./utils/refund-ratio"

export const reverseOrderPointsWorkflowId = "loyalty-reverse-order-points"

export type ReverseOrderPointsInput = {
  order_id: string
  /** "cancel", or the id of the refund that triggered this. */
  cause: string
}

/**
 * Takes back points an order earned when it is canceled (the points it was
 * paid with go back to the customer first, then all it earned is taken back)
 * or refunded (in proportion to the share refunded), then recomputes the
 * tier.
 */
export const reverseOrderPointsWorkflow = createWorkflow(
  reverseOrderPointsWorkflowId,
  (input: ReverseOrderPointsInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "payment_collections.payments.amount",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })

    const reversal = transform(
      { orders, input },
      function reversalShare({ orders, input }) {
        const payments = (orders[0].payment_collections ?? []).flatMap(
          (collection) => collection?.payments ?? []
        )
        return {
          order_id: input.order_id,
          cause: input.cause,
          ratio: input.cause === "cancel" ? 1 : refundedRatio(payments),
          customer_id: orders[0].customer_id,
        }
      }
    )

    // Redeemed points go back first, so earned points the customer spent are
    // taken from them rather than lost as a shortfall.
    const giveBack = findRedeemedPointsStep(reversal)
    when("paid-with-points", { giveBack }, ({ giveBack }) => !!giveBack).then(
      () => {
        returnRedeemedPointsStep(
          transform({ giveBack }, function redeemedCredit({ giveBack }) {
            return giveBack as NonNullable<typeof giveBack>
          })
        )
      }
    )

    reverseEarnedPointsStep(reversal)

    refreshTierStep({ customer_id: reversal.customer_id })

    return new WorkflowResponse({ order_id: input.order_id })
  }
)
