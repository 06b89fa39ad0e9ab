import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../../../../modules/loyalty"
import { adjustLoyaltyPointsWorkflow } from "../../../../../../workflows/loyalty/adjust-points"
import { retrieveAdminLoyaltyAccount } from "../helpers"
import type { AdminAdjustLoyaltyPointsType } from "../validators"

/** Credits or debits a customer's points by hand, recording the admin. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAdjustLoyaltyPointsType>,
  res: MedusaResponse
) => {
  const customerId = req.params.id
  const { result: entry } = await adjustLoyaltyPointsWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      points: req.validatedBody.points,
      reason: req.validatedBody.reason,
      actor_id: req.auth_context.actor_id,
    },
  })

  const loyalty = req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const account = await retrieveAdminLoyaltyAccount(loyalty, customerId)
  res.status(200).json({ entry, account })
}
