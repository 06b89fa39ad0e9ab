import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertCartReservationsHeld } from "../flash-sale/utils/assert-cart-reservations"
import { assertCartPointsHeld } from "../loyalty/utils/assert-cart-points-held"

/**
 * Before a cart becomes an order: its points discount must still be held
 * for it, and its flash-price lines still backed by the customer's
 * reservations. Medusa takes one handler per hook, so every check of the
 * cart's completion lives here.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  await assertCartPointsHeld(container, cart.id)
  await assertCartReservationsHeld(container, cart.id)
})
