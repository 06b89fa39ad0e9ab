import { model } from "@medusajs/framework/utils"
import LoyaltyEntry from "./loyalty-entry"
import LoyaltyHold from "./loyalty-hold"

/**
 * A customer's points account. The counters are plain integers
 * (`model.number()`), not `bigNumber`, because points are whole numbers and
 * every change is an atomic `SET balance = balance + ?` in SQL, which a
 * numeric-plus-raw-json bigNumber pair cannot express in one statement.
 */
const LoyaltyAccount = model
  .define("loyalty_account", {
    id: model.id({ prefix: "lacc" }).primaryKey(),
    customer_id: model.text(),
    balance: model.number().default(0),
    held: model.number().default(0),
    lifetime_earned: model.number().default(0),
    tier: model.text().default("bronze"),
    referral_code: model.text(),
    last_activity_at: model.dateTime().nullable(),
    entries: model.hasMany(() => LoyaltyEntry, { mappedBy: "account" }),
    holds: model.hasMany(() => LoyaltyHold, { mappedBy: "account" }),
  })
  .indexes([
    {
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      // Not scoped to live rows (`where: null`): a code handed out once must
      // never point at another customer later.
      name: "IDX_loyalty_account_referral_code_unique",
      on: ["referral_code"],
      unique: true,
      where: null,
    },
  ])
  .checks([
    { name: "loyalty_account_balance_check", expression: "balance >= 0" },
    {
      name: "loyalty_account_held_check",
      expression: "held >= 0 AND held <= balance",
    },
    {
      name: "loyalty_account_lifetime_earned_check",
      expression: "lifetime_earned >= 0",
    },
  ])

export default LoyaltyAccount
