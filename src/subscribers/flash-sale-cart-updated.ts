import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { releaseRemovedCartLinesWorkflow } from "../workflows/flash-sale/release-removed-cart-lines"

/**
 * Releases the reservations of flash-sale lines removed from a cart.
 * Medusa's deleteLineItemsWorkflow has no hook, and `cart.updated` is
 * emitted only once the deletion has committed, from both the delete and
 * the quantity-0 routes.
 */
export default async function flashSaleCartUpdated({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await releaseRemovedCartLinesWorkflow(container).run({
    input: { cart_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "cart.updated",
  context: { subscriberId: "flash-sale-cart-updated" },
}
