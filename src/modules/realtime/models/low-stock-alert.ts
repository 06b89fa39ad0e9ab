import { model } from "@medusajs/framework/utils"

/**
 * Marks that the admins were alerted of a variant's low stock at an inventory
 * level. Present while the level stays below the threshold, so each fall is
 * alerted once; removed when the level is back at or above it.
 */
const LowStockAlert = model
  .define("low_stock_alert", {
    id: model.id({ prefix: "lsa" }).primaryKey(),
    inventory_level_id: model.text(),
    variant_id: model.text(),
  })
  .indexes([
    {
      name: "IDX_low_stock_alert_level_variant_unique",
      on: ["inventory_level_id", "variant_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default LowStockAlert
