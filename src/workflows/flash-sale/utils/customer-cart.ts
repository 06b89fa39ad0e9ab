import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { flashPriceIn } from "./prices"

/** The cart fields a flash line needs. */
export type CustomerCart = { id: string; currency_code: string }

/**
 * The customer's open cart; someone else's or a finished one is reported as
 * missing.
 */
export async function openCartOf(
  container: Pick<MedusaContainer, "resolve">,
  cartId: string,
  customerId: string
): Promise<CustomerCart> {
  const [cart] = await container
    .resolve(Modules.CART)
    .listCarts(
      { id: cartId },
      { select: ["id", "customer_id", "currency_code", "completed_at"] }
    )
  if (!cart || cart.customer_id !== customerId || cart.completed_at) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Cart ${cartId} was not found among your open carts`
    )
  }
  return cart
}

/** The item's flash price in the cart's currency; throws when it has none. */
export function flashPriceForCart(
  prices: Record<string, unknown> | null | undefined,
  cart: CustomerCart
): number {
  const unitPrice = flashPriceIn(prices, cart.currency_code)
  if (unitPrice === null) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `This flash sale item is not sold in ${cart.currency_code.toUpperCase()}; use a cart in another region`
    )
  }
  return unitPrice
}
