import type { LoyaltyModuleService } from "../../../../modules/loyalty"

/** Accounts read per query while summing balances. */
const PAGE_SIZE = 1000

/** Points held by customers and how many accounts hold them. */
export type OutstandingPoints = {
  points: number
  accounts: number
}

/**
 * Sums the balances of every account holding points, a page at a time by id
 * (keyset, so accounts opened meanwhile neither shift nor repeat rows).
 */
export async function sumOutstandingPoints(
  loyalty: LoyaltyModuleService
): Promise<OutstandingPoints> {
  const total: OutstandingPoints = { points: 0, accounts: 0 }
  let after: string | undefined

  for (;;) {
    const page = await loyalty.listLoyaltyAccounts(
      {
        balance: { $gt: 0 },
        ...(after ? { id: { $gt: after } } : {}),
      },
      { select: ["id", "balance"], take: PAGE_SIZE, order: { id: "ASC" } }
    )
    for (const account of page) {
      total.points += account.balance
      total.accounts += 1
    }
    if (page.length < PAGE_SIZE) {
      return total
    }
    after = page[page.length - 1].id
  }
}
