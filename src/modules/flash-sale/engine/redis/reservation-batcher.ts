import type { FlashSaleStore } from "../../store/flash-sale-store"
import type { NewReservation } from "../../store/types"
import type { ReserveResult } from "../../types"

/** Largest number of reservations written by one statement. */
const MAX_BATCH = 500

type Pending = {
  reservation: NewReservation
  resolve: (row: ReserveResult | null) => void
  reject: (error: unknown) => void
}

/**
 * Group commit for admitted reservations: writes of an item queued while
 * its previous batch is in PostgreSQL go together in the next one. Each
 * reservation updates its item's row, so writing them one by one would queue
 * them on that row's lock anyway, one commit each; a batch pays for one.
 * Batches never mix items, so no statement waits for two item locks and
 * two instances' batches cannot deadlock.
 */
export class ReservationBatcher {
  protected readonly queues_ = new Map<string, Pending[]>()

  constructor(protected readonly store_: FlashSaleStore) {}

  /** Resolves once the reservation is committed, or null if refused. */
  record(reservation: NewReservation): Promise<ReserveResult | null> {
    return new Promise((resolve, reject) => {
      const pending = { reservation, resolve, reject }
      const queue = this.queues_.get(reservation.itemId)
      if (queue) {
        queue.push(pending)
        return
      }
      this.queues_.set(reservation.itemId, [pending])
      // After the current I/O callbacks, so Redis replies that arrived
      // together join the first batch.
      setImmediate(() => void this.flush_(reservation.itemId))
    })
  }

  protected async flush_(itemId: string): Promise<void> {
    const queue = this.queues_.get(itemId) ?? []
    while (queue.length) {
      const batch = queue.splice(0, MAX_BATCH)
      try {
        const rows = await this.store_.recordReservations(
          batch.map((pending) => pending.reservation)
        )
        batch.forEach((pending, index) => pending.resolve(rows[index]))
      } catch (error) {
        batch.forEach((pending) => pending.reject(error))
      }
    }
    this.queues_.delete(itemId)
  }
}
