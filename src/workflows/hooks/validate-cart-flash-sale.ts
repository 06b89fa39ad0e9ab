import type { StepExecutionContext } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertCartReservationsHeld } from "../flash-sale/utils/assert-cart-reservations"

type BeforePaymentAuthorizationHook = (
  invoke: (
    data: { input: { id: string } },
    context: StepExecutionContext
  ) => Promise<void>
) => void

/**
 * Medusa's complete-cart flow also exposes this hook at run time, after the
 * order is drafted and before the payment is authorized, but leaves it out
 * of its types.
 */
const hooks: typeof completeCartWorkflow.hooks & {
  beforePaymentAuthorization?: BeforePaymentAuthorizationHook
} = completeCartWorkflow.hooks

if (!hooks.beforePaymentAuthorization) {
  throw new Error(
    "Flash sale: completeCartWorkflow no longer has a beforePaymentAuthorization hook; move the reservation check into the cart validate hook"
  )
}

/**
 * A cart's flash-price items must still be backed by the customer's
 * reservations when it becomes an order; throwing rolls the drafted order
 * back before any payment is authorized. Medusa takes one handler per hook
 * and the `validate` hook carries the loyalty check, so this one runs here.
 */
hooks.beforePaymentAuthorization(async ({ input }, { container }) => {
  await assertCartReservationsHeld(container, input.id)
})
