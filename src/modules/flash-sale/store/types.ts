import type { FlashSaleStatus } from "../types"

/** A reservation about to be written, with the clock reading it was made at. */
export type NewReservation = {
  id: string
  saleId: string
  itemId: string
  customerId: string
  quantity: number
  expiresAt: Date
  cartId: string | null
  now: Date
}

export type { ReservationChange } from "../types"

/** The sale columns the engines read. */
export type SaleRow = {
  id: string
  title: string
  status: FlashSaleStatus
  starts_at: Date
  ends_at: Date
}

/** The item columns the engines read. */
export type ItemRow = {
  id: string
  sale_id: string
  units_allocated: number
  units_sold: number
  units_reserved: number
  per_customer_limit: number
}

/** An item with the units its active reservations hold, counted from rows. */
export type SnapshotItem = Omit<ItemRow, "sale_id"> & {
  active_quantity: number
}

/** An active reservation as a rebuild needs it. */
export type SnapshotReservation = {
  id: string
  item_id: string
  customer_id: string
  quantity: number
  expires_at: Date
}

/** Units a customer holds or bought of one item. */
export type CustomerUnits = {
  item_id: string
  customer_id: string
  quantity: number
}

/** A sale as PostgreSQL has it, for rebuilding its Redis copy. */
export type SaleSnapshot = {
  sale: SaleRow
  items: SnapshotItem[]
  reservations: SnapshotReservation[]
  customerUnits: CustomerUnits[]
}
