import { MedusaError } from "@medusajs/framework/utils"
import { SELLING_SALE_STATUSES, type FlashSaleStatus } from "../types"

/** Throws-ready `NOT_FOUND` for an unknown sale. */
export function saleNotFound(saleId: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `Flash sale ${saleId} was not found`
  )
}

/** `NOT_FOUND` for an item that is not part of the sale. */
export function itemNotFound(saleId: string, itemId: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `Item ${itemId} is not part of flash sale ${saleId}`
  )
}

/** `NOT_ALLOWED` for a draft or ended sale. */
export function saleNotOpen(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "This flash sale is not open for reservations"
  )
}

/** `NOT_ALLOWED` before the sale starts, telling when to come back. */
export function saleNotStarted(startsAt: Date): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `This flash sale starts at ${startsAt.toISOString()}; try again then`
  )
}

/** `NOT_ALLOWED` once the sale is over. */
export function saleEnded(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "This flash sale has ended"
  )
}

/** `NOT_ALLOWED` when fewer units are left than asked for. */
export function soldOut(available: number): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    available > 0
      ? `Only ${available} left in this flash sale; lower the quantity`
      : "This flash sale item is sold out"
  )
}

/** `NOT_ALLOWED` when the customer would go over the per-customer limit. */
export function overCustomerLimit(limit: number, held: number): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `You can reserve at most ${limit} of this item in this flash sale and already have ${held}`
  )
}

/** `NOT_FOUND` for an unknown reservation. */
export function reservationNotFound(reservationId: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `Flash sale reservation ${reservationId} was not found`
  )
}

/** `NOT_ALLOWED` when a reservation is no longer held. */
export function reservationLapsed(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "Your flash sale reservation has expired; reserve the item again"
  )
}

/** `NOT_ALLOWED` when a reservation was given back. */
export function reservationReleased(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "This flash sale reservation was released; reserve the item again"
  )
}

/** `NOT_ALLOWED` when a reservation is already in a cart. */
export function reservationInCart(thisCart: boolean): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    thisCart
      ? "This flash sale reservation is already in this cart"
      : "This flash sale reservation is already in another cart; remove it there first"
  )
}

/** `NOT_ALLOWED` when releasing a reservation that was bought. */
export function reservationPurchased(): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "This flash sale reservation was already purchased"
  )
}

/** `NOT_ALLOWED` when returning units of a reservation that was not bought. */
export function reservationNotPurchased(status: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `This flash sale reservation was not purchased (it is ${status}); only purchased units can be returned`
  )
}

/** What the store knows about a refused reservation attempt. */
export type RefusalFacts = {
  sale: {
    status: FlashSaleStatus
    starts_at: Date
    ends_at: Date
  } | null
  item: {
    units_allocated: number
    units_sold: number
    units_reserved: number
    per_customer_limit: number
  } | null
  /** Units the customer already holds or bought of the item. */
  held: number
}

/**
 * The error a refused attempt deserves, checked in the order the engines
 * check: existence, sale window, units left, then the customer's limit.
 */
export function explainRefusal(
  facts: RefusalFacts,
  ids: { saleId: string; itemId: string },
  quantity: number,
  now: Date
): MedusaError {
  const { sale, item, held } = facts
  if (!sale) {
    return saleNotFound(ids.saleId)
  }
  if (!item) {
    return itemNotFound(ids.saleId, ids.itemId)
  }
  if (!SELLING_SALE_STATUSES.includes(sale.status)) {
    return saleNotOpen()
  }
  if (now < sale.starts_at) {
    return saleNotStarted(sale.starts_at)
  }
  if (now >= sale.ends_at) {
    return saleEnded()
  }
  const available = item.units_allocated - item.units_sold - item.units_reserved
  if (available < quantity) {
    return soldOut(Math.max(available, 0))
  }
  if (held + quantity > item.per_customer_limit) {
    return overCustomerLimit(item.per_customer_limit, held)
  }
  // Every bound held when read: the refusal came from a concurrent writer
  // that has since given units back.
  return soldOut(0)
}
