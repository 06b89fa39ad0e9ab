import { model } from "@medusajs/framework/utils"

/**
 * Recent attempt times (epoch milliseconds, a JSON array) for one rate-limit
 * key, used when the module runs without Redis. One row per key, changed by a
 * single upsert so concurrent instances never lose an attempt.
 */
const FlashSaleRateLimit = model
  .define("flash_sale_rate_limit", {
    id: model.id({ prefix: "fsrl" }).primaryKey(),
    key: model.text(),
    hits: model.json(),
  })
  .indexes([
    {
      // Not scoped to live rows: the upsert's conflict target.
      name: "IDX_flash_sale_rate_limit_key_unique",
      on: ["key"],
      unique: true,
      where: null,
    },
  ])

export default FlashSaleRateLimit
