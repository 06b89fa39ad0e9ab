import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { FlashSaleReservationDTO, ReserveResult } from "../types"
import {
  reservationFromRow,
  saleFromRow,
  toDate,
  type Raw,
  type Timestamp,
} from "./rows"
import * as sql from "./sql"
import type { NewReservation, SaleRow } from "./types"

/** A reservation row before its timestamps are normalised. */
export type RawReservation = Raw<
  FlashSaleReservationDTO,
  "expires_at" | "created_at" | "updated_at"
>

/** Runs a query returning reservations, with real dates. */
export async function selectReservations(
  manager: SqlEntityManager,
  query: string,
  params: unknown[]
): Promise<FlashSaleReservationDTO[]> {
  const rows = await manager.execute<RawReservation[]>(query, params)
  return rows.map(reservationFromRow)
}

/** A row of `RECORD_RESERVATIONS`: what PostgreSQL set on a written row. */
export type RecordedRow = {
  id: string
  created_at: Timestamp
  units_left: number
}

/**
 * The reservations `RECORD_RESERVATIONS` wrote, in input order, null for
 * those it left out. Of an item's rows that left it with none, the last in
 * input (arrival) order took its last unit.
 */
export function recordedReservations(
  inputs: NewReservation[],
  rows: RecordedRow[]
): (ReserveResult | null)[] {
  const byId = new Map<string, RecordedRow>()
  for (const row of rows) {
    byId.set(row.id, row)
  }
  const lastOfSoldOut = new Map<string, ReserveResult>()
  const results = inputs.map((input): ReserveResult | null => {
    const row = byId.get(input.id)
    if (!row) {
      return null
    }
    const createdAt = toDate(row.created_at)
    const result: ReserveResult = {
      id: input.id,
      sale_id: input.saleId,
      item_id: input.itemId,
      customer_id: input.customerId,
      quantity: input.quantity,
      status: "active",
      expires_at: input.expiresAt,
      cart_id: input.cartId,
      order_id: null,
      created_at: createdAt,
      updated_at: createdAt,
      took_last_unit: false,
    }
    if (row.units_left === 0) {
      lastOfSoldOut.set(input.itemId, result)
    }
    return result
  })
  for (const result of lastOfSoldOut.values()) {
    result.took_last_unit = true
  }
  return results
}

/** The sale, with real dates, or null. */
export async function selectSale(
  manager: SqlEntityManager,
  saleId: string
): Promise<SaleRow | null> {
  const [sale] = await manager.execute<Raw<SaleRow, "starts_at" | "ends_at">[]>(
    sql.SELECT_SALE,
    [saleId]
  )
  return sale ? saleFromRow(sale) : null
}

/** A reservation as a row of `RECORD_RESERVATIONS`' JSON input. */
export function batchRow(input: NewReservation, position: number) {
  return {
    id: input.id,
    sale_id: input.saleId,
    item_id: input.itemId,
    customer_id: input.customerId,
    quantity: input.quantity,
    expires_at: input.expiresAt.toISOString(),
    cart_id: input.cartId,
    now: input.now.toISOString(),
    position,
  }
}

/** The leading parameters of `HOLD_UNITS` for a reservation. */
export function holdParams(input: NewReservation): unknown[] {
  return [
    input.quantity,
    input.itemId,
    input.saleId,
    input.now,
    input.now,
    input.quantity,
  ]
}
