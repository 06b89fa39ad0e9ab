import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../../../../modules/loyalty"
import type { StoreListLoyaltyEntriesType } from "../../../../loyalty-validators"

/** The customer's points history, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreListLoyaltyEntriesType>,
  res: MedusaResponse
) => {
  const loyalty = req.scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const account = await loyalty.getOrCreateAccount(req.auth_context.actor_id)
  const { limit, offset } = req.validatedQuery
  const [entries, count] = await loyalty.listAndCountLoyaltyEntries(
    { account_id: account.id },
    {
      select: [
        "id",
        "type",
        "points",
        "balance_after",
        "reason",
        "source_type",
        "source_id",
        "created_at",
      ],
      order: { created_at: "DESC", id: "DESC" },
      skip: offset,
      take: limit,
    }
  )
  res.json({ entries, count, limit, offset })
}
