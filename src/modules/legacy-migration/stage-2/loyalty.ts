import type { MedusaContainer } from "@medusajs/framework/types"
import type { Pool } from "mariadb"
import {
  LOYALTY_MODULE,
  type CreditPointsInput,
  type LoyaltyModuleService,
} from "../../loyalty"
import { Stage2Tally } from "./counts"
import { customersByEmail } from "./customers"
import { customerPages, type CustomerRow } from "./mysql"

/** The ledger key of a legacy customer's opening balance: written once. */
export const openingBalanceKey = (legacyId: string) =>
  `legacy-opening:${legacyId}`

/** A legacy balance as one keyed `adjust` credit on the customer's ledger. */
export function openingCredit(
  row: CustomerRow,
  customerId: string
): CreditPointsInput {
  return {
    customerId,
    points: row.loyalty_points,
    type: "adjust",
    reason: "Opening balance from the legacy Klelite store",
    sourceType: "legacy_migration",
    sourceId: row.legacy_id,
    idempotencyKey: openingBalanceKey(row.legacy_id),
    metadata: { legacy_id: row.legacy_id },
  }
}

async function writtenKeys(
  loyalty: LoyaltyModuleService,
  keys: string[]
): Promise<Map<string, number>> {
  if (!keys.length) {
    return new Map()
  }
  const entries = await loyalty.listLoyaltyEntries(
    { idempotency_key: keys },
    { select: ["idempotency_key", "points"] }
  )
  return new Map(
    entries.map((e) => [e.idempotency_key ?? "", Number(e.points)])
  )
}

/**
 * Loyalty balances of migrated customers as opening ledger entries, keyed
 * by legacy id through the loyalty module's idempotent credit: a customer's
 * opening balance is written once however often stage 2 runs. Counted in
 * points; customers with no points need no entry.
 */
export async function migrateLoyaltyBalances(
  container: MedusaContainer,
  pool: Pool,
  batchSize: number,
  onPage: (tally: Stage2Tally) => void | Promise<void> = () => undefined
): Promise<Stage2Tally> {
  const tally = new Stage2Tally(["loyalty_balances"])
  const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  for await (const page of customerPages(pool, batchSize)) {
    const customers = await customersByEmail(
      container,
      page.map((r) => r.email)
    )
    const credits: CreditPointsInput[] = []
    for (const row of page) {
      tally.add("loyalty_balances", "source", row.loyalty_points)
      const customer = customers.get(row.email)
      if (row.loyalty_points <= 0) {
        continue
      }
      if (row.deleted_at) {
        tally.skip(
          "loyalty_balances",
          "deleted_in_legacy_store",
          row.loyalty_points
        )
      } else if (!customer || customer.legacy_id !== row.legacy_id) {
        tally.skip(
          "loyalty_balances",
          "parent_not_migrated",
          row.loyalty_points
        )
      } else {
        credits.push(openingCredit(row, customer.id))
      }
    }
    const keys = credits.map((c) => c.idempotencyKey ?? "")
    const before = await writtenKeys(loyalty, keys)
    for (const credit of credits) {
      const present = before.has(credit.idempotencyKey ?? "")
      if (!present) {
        await loyalty.credit(credit)
      }
      tally.add(
        "loyalty_balances",
        present ? "present" : "created",
        credit.points
      )
    }
    const after = await writtenKeys(loyalty, keys)
    tally.add(
      "loyalty_balances",
      "medusa",
      [...after.values()].reduce((sum, points) => sum + points, 0)
    )
    await onPage(tally)
  }
  return tally
}
