import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { expirePointsStep } from "./steps/expire-points"
import { findExpiringAccountsStep } from "./steps/find-expiring-accounts"

export const expireInactivePointsWorkflowId = "loyalty-expire-inactive-points"

/** Emitted `warn_days` before an account's points expire. */
export const LOYALTY_POINTS_EXPIRING = "loyalty.points_expiring"
/** Emitted when an account's points have expired. */
export const LOYALTY_POINTS_EXPIRED = "loyalty.points_expired"

/**
 * Expires points after the programme's inactivity period and warns the
 * customers whose points are about to expire.
 */
export const expireInactivePointsWorkflow = createWorkflow(
  expireInactivePointsWorkflowId,
  (input: { now: string; warn_days: number }) => {
    const accounts = findExpiringAccountsStep(input)
    const expired = expirePointsStep(accounts.expire)

    emitEventStep({
      eventName: LOYALTY_POINTS_EXPIRING,
      data: transform({ accounts }, function warnings({ accounts }) {
        return accounts.warn
      }),
    }).config({ name: "emit-points-expiring" })
    emitEventStep({
      eventName: LOYALTY_POINTS_EXPIRED,
      data: transform({ expired }, function expiries({ expired }) {
        return expired.map(({ customer_id, points }) => ({
          customer_id,
          points,
        }))
      }),
    }).config({ name: "emit-points-expired" })

    return new WorkflowResponse({ expired, warned: accounts.warn })
  }
)
