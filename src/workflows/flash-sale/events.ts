/** Events the flash-sale workflows emit. */
export const FlashSaleEvents = {
  /** A scheduled sale reached its start time. Data: `{ id }`. */
  STARTED: "flash_sale.started",
  /** A sale reached its end time or was ended by an admin. Data: `{ id }`. */
  ENDED: "flash_sale.ended",
  /**
   * Every unit of an item was bought. Data: `{ id, item_id, variant_id }`,
   * where `id` is the sale's.
   */
  SOLD_OUT: "flash_sale.sold_out",
} as const
