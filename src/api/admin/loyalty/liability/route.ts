import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../../modules/loyalty"
import { sumOutstandingPoints } from "./helpers"

/**
 * What the unspent points are worth: their total, in each currency that total
 * at the currency's point value, and how many accounts hold points.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const loyalty = req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const [outstanding, settings] = await Promise.all([
    sumOutstandingPoints(loyalty),
    loyalty.getSettings(),
  ])

  const byCurrency = Object.fromEntries(
    Object.entries(settings.point_value).map(([currency, pointValue]) => [
      currency,
      {
        point_value: pointValue,
        liability: MathBN.mult(outstanding.points, pointValue).toNumber(),
      },
    ])
  )

  res.status(200).json({
    outstanding_points: outstanding.points,
    by_currency: byCurrency,
    accounts: outstanding.accounts,
  })
}
