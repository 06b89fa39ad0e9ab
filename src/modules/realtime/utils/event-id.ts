import { MedusaError } from "@medusajs/framework/utils"

const EVENT_ID = /^(\d{1,16})-(\d{1,16})$/

/** True when `id` has the `<milliseconds>-<sequence>` shape of a stream id. */
export function isEventId(id: string): boolean {
  return EVENT_ID.test(id)
}

/** Returns `id` if it is a valid event id; throws `INVALID_DATA` otherwise. */
export function parseEventId(id: string): string {
  if (!isEventId(id)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Last-Event-ID must be an event id such as 1718000000000-0, got "${id.slice(0, 64)}"`
    )
  }
  return id
}

function parts(id: string): [bigint, bigint] {
  const [, ms, seq] = EVENT_ID.exec(id) ?? [undefined, "0", "0"]
  return [BigInt(ms), BigInt(seq)]
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareEventIds(a: string, b: string): number {
  const [aMs, aSeq] = parts(a)
  const [bMs, bSeq] = parts(b)
  if (aMs !== bMs) {
    return aMs < bMs ? -1 : 1
  }
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1
}
