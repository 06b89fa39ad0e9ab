import { model } from "@medusajs/framework/utils"
import { FLASH_SALE_RESERVATION_STATUSES } from "../types"
import FlashSaleItem from "./flash-sale-item"

/**
 * Units of a sale item held for one customer until `expires_at`. While
 * `active` its quantity is counted in the item's `units_reserved`; once
 * `converted` (bought) in `units_sold`; once `returned` (its order was
 * canceled) in neither. Active and converted reservations count towards the
 * customer's per-item limit.
 */
const FlashSaleReservation = model
  .define("flash_sale_reservation", {
    id: model.id({ prefix: "fsres" }).primaryKey(),
    item: model.belongsTo(() => FlashSaleItem, { mappedBy: "reservations" }),
    customer_id: model.text(),
    quantity: model.number(),
    status: model.enum([...FLASH_SALE_RESERVATION_STATUSES]).default("active"),
    expires_at: model.dateTime(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
  })
  .indexes([
    {
      on: ["item_id", "customer_id"],
    },
    {
      // A customer's holds of every item: the limit check of a batch of
      // reservations looks up each row's customer here.
      on: ["customer_id", "item_id"],
    },
    {
      // The sweeper's scan: only live holds, oldest deadline first.
      name: "IDX_flash_sale_reservation_active_expires_at",
      on: ["expires_at"],
      where: "status = 'active'",
    },
    {
      on: ["cart_id"],
    },
    {
      on: ["order_id"],
    },
  ])
  .checks([
    {
      name: "flash_sale_reservation_quantity_check",
      expression: "quantity > 0",
    },
  ])

export default FlashSaleReservation
