import { model } from "@medusajs/framework/utils"
import { FLASH_SALE_STATUSES } from "../types"
import FlashSaleItem from "./flash-sale-item"

/**
 * A time-boxed sale of a few variants at special prices. It sells while its
 * status is `scheduled` or `active` and the clock is in `[starts_at, ends_at)`.
 */
const FlashSale = model
  .define("flash_sale", {
    id: model.id({ prefix: "fsale" }).primaryKey(),
    title: model.text(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    status: model.enum([...FLASH_SALE_STATUSES]).default("draft"),
    metadata: model.json().nullable(),
    items: model.hasMany(() => FlashSaleItem, { mappedBy: "sale" }),
  })
  .indexes([
    {
      on: ["status", "starts_at"],
    },
  ])
  .checks([
    { name: "flash_sale_window_check", expression: "ends_at > starts_at" },
  ])

export default FlashSale
