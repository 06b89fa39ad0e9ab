import { model } from "@medusajs/framework/utils"
import FlashSale from "./flash-sale"
import FlashSaleReservation from "./flash-sale-reservation"

/**
 * A variant offered in a sale with a fixed number of units. The counters are
 * plain integers changed only by guarded `SET x = x + ?` statements; the
 * checks make PostgreSQL itself refuse any write that would oversell.
 */
const FlashSaleItem = model
  .define("flash_sale_item", {
    id: model.id({ prefix: "fsitem" }).primaryKey(),
    sale: model.belongsTo(() => FlashSale, { mappedBy: "items" }),
    variant_id: model.text(),
    /** Sale price by lower-case ISO currency code. */
    prices: model.json(),
    units_allocated: model.number(),
    units_sold: model.number().default(0),
    units_reserved: model.number().default(0),
    per_customer_limit: model.number(),
    reservations: model.hasMany(() => FlashSaleReservation, {
      mappedBy: "item",
    }),
  })
  .indexes([
    {
      on: ["sale_id", "variant_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      on: ["variant_id"],
    },
  ])
  .checks([
    {
      name: "flash_sale_item_units_check",
      expression:
        "units_sold >= 0 AND units_reserved >= 0 AND units_sold + units_reserved <= units_allocated",
    },
    {
      name: "flash_sale_item_per_customer_limit_check",
      expression: "per_customer_limit > 0",
    },
  ])

export default FlashSaleItem
