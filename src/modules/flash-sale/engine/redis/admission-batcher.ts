import type { NewReservation } from "../../store/types"
import { saleKeys } from "./keys"
import type { FlashSaleScripts, ReserveOutcome } from "./scripts"

/**
 * Most reservations one script call admits; keeps each call's time inside
 * Redis, which serves nobody else meanwhile, to about 2 ms (256 admissions
 * measured on a busy 2-core machine).
 */
const MAX_BATCH = 256

type Pending = {
  reservation: NewReservation
  resolve: (outcome: ReserveOutcome) => void
  reject: (error: unknown) => void
}

type SaleQueue = {
  waiting: Pending[]
  /** A flush is scheduled or its script call has not answered yet. */
  busy: boolean
}

/**
 * Admits the reservations of one sale that arrive together in one script
 * call: those of the same event-loop turn, and those arriving while the
 * sale's previous call is in Redis. A rush then pays one round trip and one
 * script run for many reservations instead of one each; the script still
 * answers each reservation on its own, in arrival order. Sales never share
 * a call, so each call touches one hash tag (one Cluster slot).
 */
export class AdmissionBatcher {
  protected readonly queues_ = new Map<string, SaleQueue>()

  constructor(
    protected readonly scripts_: FlashSaleScripts,
    protected readonly keyPrefix_: string
  ) {}

  /** Resolves with the script's answer for this reservation. */
  admit(reservation: NewReservation): Promise<ReserveOutcome> {
    return new Promise((resolve, reject) => {
      const saleId = reservation.saleId
      let queue = this.queues_.get(saleId)
      if (!queue) {
        queue = { waiting: [], busy: false }
        this.queues_.set(saleId, queue)
      }
      queue.waiting.push({ reservation, resolve, reject })
      if (!queue.busy) {
        queue.busy = true
        this.schedule_(saleId, queue)
      }
    })
  }

  /**
   * Flushes after the I/O callbacks of this turn, so requests that arrived
   * together (and callers resumed by the previous answer) join one call.
   */
  protected schedule_(saleId: string, queue: SaleQueue): void {
    setImmediate(() => void this.flush_(saleId, queue))
  }

  protected async flush_(saleId: string, queue: SaleQueue): Promise<void> {
    const batch = queue.waiting.splice(0, MAX_BATCH)
    try {
      const outcomes = await this.scripts_.reserveBatch(
        saleKeys(this.keyPrefix_, saleId),
        batch.map((pending) => pending.reservation)
      )
      for (let index = 0; index < batch.length; index++) {
        batch[index].resolve(outcomes[index])
      }
    } catch (error) {
      for (const pending of batch) {
        pending.reject(error)
      }
    }
    if (queue.waiting.length) {
      this.schedule_(saleId, queue)
    } else {
      queue.busy = false
      this.queues_.delete(saleId)
    }
  }
}
