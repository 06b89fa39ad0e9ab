import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"

export const findExpiringAccountsStepId = "loyalty-find-expiring-accounts"

const PAGE = 500
const DAY = 24 * 60 * 60 * 1000

export type ExpiringAccounts = {
  expire: { customer_id: string; points: number; last_activity_at: string }[]
  warn: { customer_id: string; points: number; expires_at: string }[]
}

function monthsBefore(date: Date, months: number) {
  const shifted = new Date(date)
  shifted.setMonth(shifted.getMonth() - months)
  return shifted
}

/**
 * Accounts whose spendable points expire now (no activity for the
 * programme's expiry period), and those that reach it within `warn_days`
 * counted from the day before, so a daily run warns each account once.
 */
export const findExpiringAccountsStep = createStep(
  findExpiringAccountsStepId,
  async (
    { now, warn_days }: { now: string; warn_days: number },
    { container }
  ) => {
    const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const settings = await loyalty.getSettings()
    const result: ExpiringAccounts = { expire: [], warn: [] }
    if (!settings.expiry_months) {
      return new StepResponse(result)
    }
    const at = new Date(now)
    const expiredBefore = monthsBefore(at, settings.expiry_months)
    const warnUntil = new Date(expiredBefore.getTime() + warn_days * DAY)
    const warnFrom = new Date(warnUntil.getTime() - DAY)

    for (let skip = 0; ; skip += PAGE) {
      const accounts = await loyalty.listLoyaltyAccounts(
        { last_activity_at: { $lt: warnUntil } },
        {
          select: ["customer_id", "balance", "held", "last_activity_at"],
          skip,
          take: PAGE,
          order: { id: "ASC" },
        }
      )
      for (const account of accounts) {
        const points = account.balance - account.held
        const last = account.last_activity_at
        if (points <= 0 || !last) {
          continue
        }
        if (last < expiredBefore) {
          result.expire.push({
            customer_id: account.customer_id,
            points,
            last_activity_at: last.toISOString(),
          })
        } else if (last >= warnFrom) {
          const expiresAt = new Date(last)
          expiresAt.setMonth(expiresAt.getMonth() + settings.expiry_months)
          result.warn.push({
            customer_id: account.customer_id,
            points,
            expires_at: expiresAt.toISOString(),
          })
        }
      }
      if (accounts.length < PAGE) {
        return new StepResponse(result)
      }
    }
  }
)
