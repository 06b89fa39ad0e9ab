import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../../../../modules/loyalty"
import { assertCustomerExists } from "../helpers"
import type { AdminLoyaltyEntriesParamsType } from "../validators"

/** A page of a customer's ledger, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminLoyaltyEntriesParamsType>,
  res: MedusaResponse
) => {
  const customerId = req.params.id
  const { limit, offset } = req.validatedQuery
  await assertCustomerExists(req.scope, customerId)

  const loyalty = req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const [account] = await loyalty.listLoyaltyAccounts(
    { customer_id: customerId },
    { select: ["id"] }
  )
  const [entries, count] = account
    ? await loyalty.listAndCountLoyaltyEntries(
        { account_id: account.id },
        {
          skip: offset,
          take: limit,
          order: { created_at: "DESC", id: "DESC" },
        }
      )
    : [[], 0]

  res.status(200).json({ entries, count, limit, offset })
}
