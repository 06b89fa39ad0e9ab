import { MedusaError } from "@medusajs/framework/utils"
import type { FlashSaleReservationDTO } from "../types"
import { reservationFromRow } from "./rows"
import type { RawReservation } from "./select"

/**
 * A reservation row from a statement that also moved its item's counters;
 * `sale_id` is null when the counters' guard refused.
 */
export type RawSettled = Omit<RawReservation, "sale_id"> & {
  sale_id: string | null
}

/**
 * The reservation of a settle whose counters moved. Throws when the guard
 * refused: the counters disagree with the rows, and throwing rolls the
 * status change back with the transaction.
 */
export function settledRow(row: RawSettled): FlashSaleReservationDTO {
  const { sale_id } = row
  if (!sale_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The units of flash sale reservation ${row.id} cannot be moved: the sale's counters do not allow it`
    )
  }
  return reservationFromRow({ ...row, sale_id })
}
