import { model } from "@medusajs/framework/utils"
import { LOYALTY_ENTRY_TYPES } from "../types"
import LoyaltyAccount from "./loyalty-account"

/**
 * One line of the append-only points ledger: `points` is the signed change to
 * the account balance and `balance_after` the running balance it produced.
 */
const LoyaltyEntry = model
  .define("loyalty_entry", {
    id: model.id({ prefix: "lent" }).primaryKey(),
    account: model.belongsTo(() => LoyaltyAccount, { mappedBy: "entries" }),
    type: model.enum([...LOYALTY_ENTRY_TYPES]),
    points: model.number(),
    balance_after: model.number(),
    reason: model.text(),
    source_type: model.text(),
    source_id: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    {
      on: ["account_id", "created_at"],
    },
    {
      // Unique among non-null keys (NULLs never collide) and not scoped to
      // live rows (`where: null`): a spent key stays spent even if a row is
      // ever soft-deleted by hand.
      name: "IDX_loyalty_entry_idempotency_key_unique",
      on: ["idempotency_key"],
      unique: true,
      where: null,
    },
    {
      on: ["source_type", "source_id"],
    },
  ])
  .checks([
    { name: "loyalty_entry_points_check", expression: "points <> 0" },
    {
      name: "loyalty_entry_balance_after_check",
      expression: "balance_after >= 0",
    },
  ])

export default LoyaltyEntry
