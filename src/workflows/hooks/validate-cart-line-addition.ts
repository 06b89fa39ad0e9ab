import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertFlashAdditionsPlaced } from "../flash-sale/utils/check-line-addition"

/**
 * A line enters a cart with flash-sale metadata only as the line of a
 * reservation just placed in that cart, which the flash sale's own
 * workflows add: keys sent to the add-to-cart route would name a reservation
 * the line's regular price does not come from. Medusa takes one handler per
 * hook, so every check of an addition to a cart lives here.
 */
addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await assertFlashAdditionsPlaced(container, input.cart_id, input.items)
})
