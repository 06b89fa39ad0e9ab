import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../../../../modules/loyalty"
import type { CsvCell } from "./csv"

/** Ledger entries read per query. */
const PAGE_SIZE = 1000

/** Column titles of the ledger export, in the order `ledgerPages` fills them. */
export const LEDGER_CSV_HEADER = [
  "id",
  "created_at",
  "customer_id",
  "customer_email",
  "type",
  "points",
  "balance_after",
  "reason",
  "source_type",
  "source_id",
]

async function emailsByCustomer(
  scope: MedusaContainer,
  customerIds: string[]
): Promise<Map<string, string | null>> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email"],
    filters: { id: [...new Set(customerIds)] },
  })
  return new Map(data.map((customer) => [customer.id, customer.email]))
}

/**
 * The whole ledger as CSV rows, oldest first, one page per query: entries by
 * id (keyset, so concurrent writes neither shift nor repeat rows), each page
 * joined to its accounts and one lookup of the customers' emails.
 */
export async function* ledgerPages(
  scope: MedusaContainer
): AsyncGenerator<CsvCell[][]> {
  const loyalty = scope.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  let after: string | undefined

  for (;;) {
    const entries = await loyalty.listLoyaltyEntries(
      after ? { id: { $gt: after } } : {},
      { relations: ["account"], take: PAGE_SIZE, order: { id: "ASC" } }
    )
    if (!entries.length) {
      return
    }
    const emails = await emailsByCustomer(
      scope,
      entries.map(({ account }) => account.customer_id)
    )
    yield entries.map((entry) => [
      entry.id,
      new Date(entry.created_at).toISOString(),
      entry.account.customer_id,
      emails.get(entry.account.customer_id) ?? null,
      entry.type,
      entry.points,
      entry.balance_after,
      entry.reason,
      entry.source_type,
      entry.source_id,
    ])
    if (entries.length < PAGE_SIZE) {
      return
    }
    after = entries[entries.length - 1].id
  }
}
