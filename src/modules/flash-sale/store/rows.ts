import type { FlashSaleReservationDTO } from "../types"
import type { SaleRow, SnapshotReservation } from "./types"

/**
 * A timestamp as the driver returned it: a Date from Medusa's shared
 * connection, text from a MikroORM-configured one.
 */
export type Timestamp = Date | string

/** A row whose timestamp columns have not been normalised yet. */
export type Raw<T, K extends keyof T> = Omit<T, K> & Record<K, Timestamp>

/** A timestamp column as a Date. */
export function toDate(value: Timestamp): Date {
  return value instanceof Date ? value : new Date(value)
}

/** A sale row with real dates. */
export function saleFromRow(
  row: Raw<SaleRow, "starts_at" | "ends_at">
): SaleRow {
  return {
    ...row,
    starts_at: toDate(row.starts_at),
    ends_at: toDate(row.ends_at),
  }
}

/** A reservation row with real dates. */
export function reservationFromRow(
  row: Raw<FlashSaleReservationDTO, "expires_at" | "created_at" | "updated_at">
): FlashSaleReservationDTO {
  return {
    ...row,
    expires_at: toDate(row.expires_at),
    created_at: toDate(row.created_at),
    updated_at: toDate(row.updated_at),
  }
}

/** A snapshot reservation with a real deadline. */
export function snapshotReservationFromRow(
  row: Raw<SnapshotReservation, "expires_at">
): SnapshotReservation {
  return { ...row, expires_at: toDate(row.expires_at) }
}
