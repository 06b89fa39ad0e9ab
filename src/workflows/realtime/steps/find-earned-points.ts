import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { orderEarnKey } from "../../loyalty/utils/keys"

export const findEarnedPointsStepId = "realtime-find-earned-points"

/** After this long an order without an earn entry earned nothing. */
const EARN_WAIT_MS = 30_000

export type FindEarnedPointsInput = {
  order_id: string
  customer_id: string | null
  placed_at: string
}

/**
 * The points an order earned and the balance they made. The loyalty
 * subscriber of `order.placed` credits them beside ours, so while the order
 * is recent and no entry exists the step fails and is retried; later, no
 * entry means the order earned no points.
 */
export const findEarnedPointsStep = createStep(
  { name: findEarnedPointsStepId, maxRetries: 15, retryInterval: 2 },
  async (input: FindEarnedPointsInput, { container }) => {
    if (!input.customer_id) {
      return new StepResponse(null)
    }
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const entry = await loyalty.retrieveEntryByKey(orderEarnKey(input.order_id))
    if (entry) {
      return new StepResponse({
        points: entry.points,
        balance: entry.balance_after,
      })
    }
    if (Date.now() - new Date(input.placed_at).getTime() > EARN_WAIT_MS) {
      return new StepResponse(null)
    }
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `The points of order ${input.order_id} are not credited yet`
    )
  }
)
