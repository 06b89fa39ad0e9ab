import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import {
  computeTier,
  type LoyaltyModuleService,
} from "../../../../../modules/loyalty"

/** A customer's points as the admin API shows them. */
export type AdminLoyaltyAccount = {
  id: string | null
  customer_id: string
  balance: number
  held: number
  /** Spendable points: `balance - held`. */
  available: number
  tier: string
  lifetime_earned: number
  referral_code: string | null
  last_activity_at: Date | null
  created_at: Date | null
}

/** Throws `NOT_FOUND` unless the customer exists. */
export async function assertCustomerExists(
  scope: MedusaContainer,
  customerId: string
): Promise<void> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { id: customerId },
  })
  if (!data.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${customerId} not found`
    )
  }
}

/**
 * The customer's account at the tier their last 12 months of spend reach, as
 * the storefront shows it; an empty one at the starting tier when the
 * customer has none yet, so that reading never creates an account.
 */
export async function retrieveAdminLoyaltyAccount(
  loyalty: LoyaltyModuleService,
  customerId: string
): Promise<AdminLoyaltyAccount> {
  const [existing] = await loyalty.listLoyaltyAccounts(
    { customer_id: customerId },
    { select: ["id"] }
  )
  if (!existing) {
    const settings = await loyalty.getSettings()
    return {
      id: null,
      customer_id: customerId,
      balance: 0,
      held: 0,
      available: 0,
      tier: computeTier(0, settings).name,
      lifetime_earned: 0,
      referral_code: null,
      last_activity_at: null,
      created_at: null,
    }
  }
  const { account, settings, spend_12m } =
    await loyalty.accountSummary(customerId)
  return {
    id: account.id,
    customer_id: account.customer_id,
    balance: account.balance,
    held: account.held,
    available: account.balance - account.held,
    tier: computeTier(spend_12m, settings).name,
    lifetime_earned: account.lifetime_earned,
    referral_code: account.referral_code,
    last_activity_at: account.last_activity_at,
    created_at: account.created_at,
  }
}
