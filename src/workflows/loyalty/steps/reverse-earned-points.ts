import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyEntryDTO,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { orderEarnKey, EARN_REVERSAL } from "../utils/keys"
import { reversalDelta } from "../utils/order-earning"
import { rollBackEntry } from "../utils/rollback-entry"
import { runLocked } from "../../utils/run-locked"

export const reverseEarnedPointsStepId = "loyalty-reverse-earned-points"

export type ReverseEarnedPointsInput = {
  order_id: string
  /** Share of the order taken back so far in all: 1 when canceled. */
  ratio: number
  /** What caused this reversal (a refund id, or "cancel"); keys the entry. */
  cause: string
}

/**
 * Takes back the share `ratio` of the points an order earned, counting what
 * earlier reversals took, as far as they are still spendable. Serialised per
 * order by the Locking Module, so two refunds arriving together cannot both
 * take the same points.
 */
export const reverseEarnedPointsStep = createStep(
  reverseEarnedPointsStepId,
  async (input: ReverseEarnedPointsInput, { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const entry = await runLocked(
      container,
      `loyalty:order:${input.order_id}`,
      async () => reverse(loyalty, logger, input)
    )
    return new StepResponse(entry, entry?.id ?? null)
  },
  async (entryId, { container }) => rollBackEntry(container, entryId)
)

async function reverse(
  loyalty: LoyaltyModuleService,
  logger: Logger,
  { order_id, ratio, cause }: ReverseEarnedPointsInput
): Promise<LoyaltyEntryDTO | null> {
  const earned = await loyalty.retrieveEntryByKey(orderEarnKey(order_id))
  if (!earned) {
    return null
  }
  const idempotencyKey = `order:${order_id}:reverse:${cause}`
  if (await loyalty.retrieveEntryByKey(idempotencyKey)) {
    return null
  }
  const previous = await loyalty.listLoyaltyEntries(
    { source_id: order_id, type: "reverse" },
    { take: null }
  )
  // Signed, so a reversal that was rolled back no longer counts.
  const alreadyReversed = previous
    .filter((entry) => entry.metadata?.kind === EARN_REVERSAL)
    .reduce((sum, entry) => sum - entry.points, 0)
  const delta = reversalDelta(earned.points, ratio, alreadyReversed)
  if (delta <= 0) {
    return null
  }
  const account = await loyalty.retrieveLoyaltyAccount(earned.account_id)
  const spend = Number(earned.metadata?.spend ?? 0)
  // Points already spent cannot be taken back: the debit is capped at what is
  // spendable and the entry records the shortfall.
  const entry = await loyalty.debitUpTo({
    customerId: account.customer_id,
    points: delta,
    type: "reverse",
    reason:
      cause === "cancel"
        ? "Order canceled"
        : `Order refunded (${Math.round(ratio * 100)}% in all)`,
    sourceType: "order",
    sourceId: order_id,
    idempotencyKey,
    metadata: {
      kind: EARN_REVERSAL,
      spend: Math.round(((spend * delta) / earned.points) * 100) / 100,
    },
    // Never really earned: lifetime earnings drop by what is taken back.
    earned: true,
  })
  if (!entry) {
    logger.warn(
      `Order ${order_id}: none of the ${delta} points it earned could be taken back; they were already spent`
    )
  }
  return entry
}
