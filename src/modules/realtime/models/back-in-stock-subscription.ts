import { model } from "@medusajs/framework/utils"

/**
 * A customer's request to hear when a variant is in stock again. Pending
 * while `notified_at` is null; one pending request per customer and variant.
 */
const BackInStockSubscription = model
  .define("back_in_stock_subscription", {
    id: model.id({ prefix: "bis" }).primaryKey(),
    variant_id: model.text(),
    customer_id: model.text(),
    email: model.text(),
    notified_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_back_in_stock_subscription_pending_unique",
      on: ["variant_id", "customer_id"],
      unique: true,
      where: "notified_at IS NULL AND deleted_at IS NULL",
    },
    {
      on: ["customer_id"],
      where: "deleted_at IS NULL",
    },
  ])

export default BackInStockSubscription
