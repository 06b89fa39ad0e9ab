import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../../../modules/loyalty"
import { assertCustomerExists, retrieveAdminLoyaltyAccount } from "./helpers"

/** Entries shown with the account: the most recent ones. */
const RECENT_ENTRIES = 20

/** A customer's points account with their latest ledger entries. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const customerId = req.params.id
  await assertCustomerExists(req.scope, customerId)

  const loyalty = req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const account = await retrieveAdminLoyaltyAccount(loyalty, customerId)
  const entries = account.id
    ? await loyalty.listLoyaltyEntries(
        { account_id: account.id },
        { take: RECENT_ENTRIES, order: { created_at: "DESC", id: "DESC" } }
      )
    : []

  res.status(200).json({ account, entries })
}
