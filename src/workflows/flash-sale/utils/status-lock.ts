/**
 * Lock held while sale statuses move, by the scheduled job or an admin
 * ending a sale, so each `flash_sale.started` / `flash_sale.ended` is
 * emitted once even with several instances running the job.
 */
export const SALE_STATUS_LOCK = "flash-sale:statuses"
