import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const unlinkPromotionOnRollbackStepId =
  "loyalty-unlink-promotion-on-rollback"

/**
 * Does nothing going forward; on rollback it removes the link between the
 * cart and the points promotion, which the core cart-promotion step leaves
 * behind when it is compensated.
 */
export const unlinkPromotionOnRollbackStep = createStep(
  unlinkPromotionOnRollbackStepId,
  async (input: { cart_id: string; code: string }) => {
    return new StepResponse(undefined, input)
  },
  async (input, { container }) => {
    if (!input) {
      return
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: promotions } = await query.graph({
      entity: "promotion",
      fields: ["id"],
      filters: { code: input.code },
    })
    if (!promotions.length) {
      return
    }
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(
      promotions.map((promotion) => ({
        [Modules.CART]: { cart_id: input.cart_id },
        [Modules.PROMOTION]: { promotion_id: promotion.id },
      }))
    )
  }
)
