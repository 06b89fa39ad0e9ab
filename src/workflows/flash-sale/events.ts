/** Events the flash-sale workflows emit. */
export const FlashSaleEvents = {
  /** A scheduled sale reached its start time. Data: `{ id }`. */
  STARTED: "flash_sale.started",
  /** A sale reached its end time or was ended by an admin. Data: `{ id }`. */
  ENDED: "flash_sale.ended",
  /**
   * An item went from some units left to none, once per such sell-out: a
   * reservation (or an order's rebooked hold) took its last free unit, an
   * admin lowered its allocation onto the units taken, or a rolled-back
   * cancellation bought its units again. Units that come back and sell out
   * again announce it again. Data: `{ id, item_id, variant_id }`, where `id`
   * is the sale's.
   */
  SOLD_OUT: "flash_sale.sold_out",
  /**
   * Units of some items were taken or given back (reserved, released,
   * expired, returned). Data: `{ id, item_ids }`, where `id` is the sale's.
   */
  UNITS_CHANGED: "flash_sale.units_changed",
} as const

/** Data of a `flash_sale.sold_out` event. */
export type SoldOutEventData = {
  id: string
  item_id: string
  variant_id: string
}

/** Data of a `flash_sale.units_changed` event. */
export type UnitsChangedEventData = { id: string; item_ids: string[] }

/** One `flash_sale.units_changed` event per sale of the given items. */
export function unitsChangedEvents(
  items: { sale_id: string; item_id: string }[]
): UnitsChangedEventData[] {
  const bySale = new Map<string, Set<string>>()
  for (const { sale_id, item_id } of items) {
    const ids = bySale.get(sale_id) ?? new Set<string>()
    ids.add(item_id)
    bySale.set(sale_id, ids)
  }
  return [...bySale].map(([id, itemIds]) => ({ id, item_ids: [...itemIds] }))
}
