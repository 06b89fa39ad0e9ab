import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { reverseOrderPointsWorkflow } from "./reverse-order-points"

export const reverseRefundedPointsWorkflowId = "loyalty-reverse-refunded-points"

/**
 * After a refund on a payment, takes back the share of the order's points
 * that the refunds so far represent. Keyed by the latest refund, so a
 * redelivered event changes nothing.
 */
export const reverseRefundedPointsWorkflow = createWorkflow(
  reverseRefundedPointsWorkflowId,
  (input: { payment_id: string }) => {
    const { data: payments } = useQueryGraphStep({
      entity: "payment",
      fields: [
        "id",
        "refunds.id",
        "refunds.created_at",
        "payment_collection.order.id",
      ],
      filters: { id: input.payment_id },
      options: { throwIfKeyNotFound: true },
    })
    const target = transform({ payments }, function refundTarget({ payments }) {
      const payment = payments[0]
      const refunds = [...(payment.refunds ?? [])].sort(
        (a, b) =>
          new Date(a?.created_at ?? 0).getTime() -
          new Date(b?.created_at ?? 0).getTime()
      )
      return {
        order_id: payment.payment_collection?.order?.id ?? null,
        cause: refunds.at(-1)?.id ?? payment.id,
      }
    })

    when(
      "refund-of-an-order",
      { target },
      ({ target }) => !!target.order_id
    ).then(() => {
      reverseOrderPointsWorkflow.runAsStep({
        input: transform({ target }, function orderReversal({ target }) {
          return { order_id: target.order_id as string, cause: target.cause }
        }),
      })
    })

    return new WorkflowResponse(target)
  }
)
