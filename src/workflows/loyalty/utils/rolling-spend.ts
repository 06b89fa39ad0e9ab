import type { LoyaltyModuleService } from "../../../modules/loyalty"

const PAGE = 500

/**
 * Spend over the 12 months before `now`, from the ledger: earn entries carry
 * the spend they were earned on, reversals the share of it taken back.
 */
export async function spendLast12Months(
  loyalty: LoyaltyModuleService,
  accountId: string,
  now: Date
): Promise<number> {
  const since = new Date(now)
  since.setFullYear(since.getFullYear() - 1)
  let spend = 0
  for (let skip = 0; ; skip += PAGE) {
    const entries = await loyalty.listLoyaltyEntries(
      {
        account_id: accountId,
        type: ["earn", "reverse"],
        created_at: { $gte: since },
      },
      { select: ["type", "metadata"], skip, take: PAGE, order: { id: "ASC" } }
    )
    for (const entry of entries) {
      const amount = Number(
        (entry.metadata as { spend?: number } | null)?.spend ?? 0
      )
      spend += entry.type === "earn" ? amount : -amount
    }
    if (entries.length < PAGE) {
      return Math.max(0, Math.round(spend * 100) / 100)
    }
  }
}
