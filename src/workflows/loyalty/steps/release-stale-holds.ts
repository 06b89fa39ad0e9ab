import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { redeemOrderPointsWorkflow } from "../redeem-order-points"
import { removeCartPointsWorkflow } from "../remove-cart-points"
import { holdCarts } from "../utils/hold-carts"

export const releaseStaleHoldsStepId = "loyalty-release-stale-holds"

const PAGE = 200

/**
 * Takes the points off every open cart that, like its hold, has not changed
 * since `before`, through the same workflow a customer's removal uses. A
 * completed cart's hold is never freed: its order settles it as when it was
 * placed (spent if the order carries the points discount). One failing cart
 * does not stop the rest.
 */
export const releaseStaleHoldsStep = createStep(
  releaseStaleHoldsStepId,
  async ({ before }: { before: string }, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const cutoff = new Date(before)
    const released: string[] = []
    const settled: string[] = []
    const failed: string[] = []
    for (let after = ""; ;) {
      const holds = await loyalty.listLoyaltyHolds(
        { status: "active", updated_at: { $lt: cutoff }, id: { $gt: after } },
        { select: ["id", "cart_id"], take: PAGE, order: { id: "ASC" } }
      )
      if (!holds.length) {
        break
      }
      after = holds[holds.length - 1].id
      const carts = await holdCarts(
        container,
        holds.map((hold) => hold.cart_id)
      )
      for (const { cart_id } of holds) {
        const cart = carts.get(cart_id)
        try {
          if (cart?.completed_at) {
            if (!cart.order_id) {
              logger.warn(
                `Points held for completed cart ${cart_id} kept: it has no order`
              )
              continue
            }
            await redeemOrderPointsWorkflow(container).run({
              input: { order_id: cart.order_id },
            })
            settled.push(cart_id)
          } else if (!cart || new Date(cart.updated_at) < cutoff) {
            await removeCartPointsWorkflow(container).run({
              input: { cart_id },
            })
            released.push(cart_id)
          }
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          logger.warn(`Points held for cart ${cart_id} not settled: ${reason}`)
          failed.push(cart_id)
        }
      }
    }
    return new StepResponse({ released, settled, failed })
  }
)
