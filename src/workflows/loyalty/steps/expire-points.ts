import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { alreadyWritten } from "../utils/already-written"
import { rollBackEntry } from "../utils/rollback-entry"
import type { ExpiringAccounts } from "./find-expiring-accounts"

export const expirePointsStepId = "loyalty-expire-points"

/**
 * Expires each account's spendable points, keyed by its last activity so a
 * second run over the same dormant account expires nothing more. Points held
 * or spent since the accounts were read are left alone, and an account that
 * cannot be expired is logged and skipped rather than stopping the run. The
 * compensation credits the expired points back.
 */
export const expirePointsStep = createStep(
  expirePointsStepId,
  async (accounts: ExpiringAccounts["expire"], { container }) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const expired: { customer_id: string; points: number; entry_id: string }[] =
      []
    for (const account of accounts) {
      const key = `expire:${account.customer_id}:${account.last_activity_at}`
      try {
        if (await alreadyWritten(loyalty, key)) {
          continue
        }
        const entry = await loyalty.debitUpTo({
          customerId: account.customer_id,
          points: account.points,
          type: "expire",
          reason: "Points expired after a period without activity",
          sourceType: "rule",
          sourceId: "expiry",
          idempotencyKey: key,
        })
        if (entry) {
          expired.push({
            customer_id: account.customer_id,
            points: Math.abs(entry.points),
            entry_id: entry.id,
          })
        }
      } catch (error) {
        logger.error(
          `Points of customer ${account.customer_id} could not be expired: ${
            (error as Error).message
          }`
        )
      }
    }
    return new StepResponse(expired, expired)
  },
  async (expired, { container }) => {
    for (const { entry_id } of expired ?? []) {
      await rollBackEntry(container, entry_id)
    }
  }
)
