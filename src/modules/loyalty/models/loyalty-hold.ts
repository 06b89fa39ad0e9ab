import { model } from "@medusajs/framework/utils"
import { LOYALTY_HOLD_STATUSES } from "../types"
import LoyaltyAccount from "./loyalty-account"

/**
 * Points reserved for an open cart. An active hold counts in the account's
 * `held` column; consuming it writes the `redeem` ledger entry.
 */
const LoyaltyHold = model
  .define("loyalty_hold", {
    id: model.id({ prefix: "lhold" }).primaryKey(),
    account: model.belongsTo(() => LoyaltyAccount, { mappedBy: "holds" }),
    cart_id: model.text(),
    points: model.number(),
    status: model.enum([...LOYALTY_HOLD_STATUSES]).default("active"),
    order_id: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_loyalty_hold_cart_id_active_unique",
      on: ["cart_id"],
      unique: true,
      where: "status = 'active'",
    },
    {
      on: ["cart_id"],
    },
  ])
  .checks([{ name: "loyalty_hold_points_check", expression: "points > 0" }])

export default LoyaltyHold
