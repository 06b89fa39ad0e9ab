import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../../../modules/loyalty"
import { loyaltySummary } from "../../../../utils/loyalty-summary"
import type { StoreGetLoyaltyType } from "../../../loyalty-validators"

/** The customer's points: balance, tier, progress and their value. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetLoyaltyType>,
  res: MedusaResponse
) => {
  const customerId = req.auth_context.actor_id
  const loyalty = req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const { account, settings, spend_12m } =
    await loyalty.accountSummary(customerId)

  let currency = req.validatedQuery.currency_code
  if (req.validatedQuery.cart_id) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["currency_code", "customer_id"],
      filters: { id: req.validatedQuery.cart_id },
    })
    if (data[0]?.customer_id === customerId) {
      currency = data[0].currency_code
    }
  }

  res.json({ loyalty: loyaltySummary(account, settings, spend_12m, currency) })
}
