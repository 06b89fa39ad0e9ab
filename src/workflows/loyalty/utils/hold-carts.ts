import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** What decides the fate of a cart's points hold. */
export type HoldCart = {
  id: string
  updated_at: Date | string
  completed_at?: Date | string | null
  order_id: string | null
}

/** The carts of some points holds, by id, with the order each one became. */
export async function holdCarts(
  container: Pick<MedusaContainer, "resolve">,
  cartIds: string[]
): Promise<Map<string, HoldCart>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "updated_at", "completed_at", "order.id"],
    filters: { id: cartIds },
  })
  return new Map(
    data.map((cart) => [
      cart.id,
      {
        id: cart.id,
        updated_at: cart.updated_at,
        completed_at: cart.completed_at,
        order_id: cart.order?.id ?? null,
      },
    ])
  )
}
