import {
  rollbackKey,
  type CreditPointsInput,
  type LoyaltyEntryDTO,
  type LoyaltyModuleService,
} from "../../../modules/loyalty"
import { legacyOrderReturnKey, REDEMPTION_RETURN } from "./keys"

/**
 * The credit that gives back the points a canceled order was paid with;
 * null when no redemption of the order still stands. It is written under
 * the redemption's rollback key, the key its undo (`restoreHold`, or the
 * credit that replaces it) writes too, so the unique key lets only one of
 * them give the points back, however they interleave.
 */
export async function redemptionToReturn(
  loyalty: LoyaltyModuleService,
  orderId: string
): Promise<CreditPointsInput | null> {
  const redeemed = await standingRedemption(loyalty, orderId)
  if (!redeemed) {
    return null
  }
  const account = await loyalty.retrieveLoyaltyAccount(redeemed.account_id)
  return {
    customerId: account.customer_id,
    points: Math.abs(redeemed.points),
    type: "reverse",
    reason: "Points returned: order canceled",
    sourceType: "order",
    sourceId: orderId,
    idempotencyKey: rollbackKey(redeemed.id),
    metadata: { kind: REDEMPTION_RETURN, rolled_back_entry_id: redeemed.id },
  }
}

/**
 * The order's first redemption that still stands: nothing stands under its
 * rollback key, neither its undo nor an earlier return. A return that was
 * itself rolled back no longer counts, so the redemption is returned again.
 */
async function standingRedemption(
  loyalty: LoyaltyModuleService,
  orderId: string
): Promise<LoyaltyEntryDTO | undefined> {
  // Returns written before they were keyed by the redemption they undo.
  if (await loyalty.retrieveEntryByKey(legacyOrderReturnKey(orderId))) {
    return undefined
  }
  const redemptions = await loyalty.listLoyaltyEntries(
    { source_id: orderId, type: "redeem" },
    { order: { created_at: "ASC" }, take: null }
  )
  for (const redemption of redemptions) {
    if (!(await loyalty.retrieveEntryByKey(rollbackKey(redemption.id)))) {
      return redemption
    }
  }
  return undefined
}
