import type { SaleSnapshot } from "../../store/types"
import type { SaleKeys } from "./keys"
import { reservationDetails, type SaleLoad } from "./scripts"

/** Keys outlive their sale by a day so late settles still find them. */
export const KEY_RETENTION_MS = 24 * 60 * 60 * 1000

/**
 * The load script's input for a snapshot. An item's available units are
 * what PostgreSQL would still accept: allocated less sold less the larger of
 * the reserved counter and the active rows (they agree unless a write was
 * lost, and then the smaller figure keeps Redis from promising too much).
 */
export function buildSaleLoad(
  keys: SaleKeys,
  token: string,
  { sale, items, reservations, customerUnits }: SaleSnapshot
): SaleLoad {
  const keysExpireAt = sale.ends_at.getTime() + KEY_RETENTION_MS
  const loadKeys = [keys.sale, keys.expiries, keys.reservations, keys.lock]
  const args: (string | number)[] = [
    token,
    sale.starts_at.getTime(),
    sale.ends_at.getTime(),
    sale.status,
    keysExpireAt,
    items.length,
  ]

  for (const item of items) {
    const reserved = Math.max(item.units_reserved, item.active_quantity)
    const available = item.units_allocated - item.units_sold - reserved
    const customers = customerUnits.filter((row) => row.item_id === item.id)
    loadKeys.push(keys.item(item.id), keys.customers(item.id))
    args.push(Math.max(available, 0), item.per_customer_limit, customers.length)
    for (const customer of customers) {
      args.push(customer.customer_id, customer.quantity)
    }
  }

  args.push(reservations.length)
  for (const reservation of reservations) {
    args.push(
      reservation.id,
      reservation.expires_at.getTime(),
      reservationDetails(reservation)
    )
  }
  return { keys: loadKeys, args }
}
