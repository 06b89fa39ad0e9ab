import type {
  FlashSaleReservationDTO,
  ReserveResult,
} from "../../../modules/flash-sale"

/**
 * A new reservation as callers get it: the sell-out mark is for the
 * workflow's own events.
 */
export function heldReservation(
  reservation: ReserveResult
): FlashSaleReservationDTO {
  const { took_last_unit: _tookLastUnit, ...held } = reservation
  return held
}
