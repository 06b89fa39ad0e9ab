import type { RealtimeEvent, StreamWriter } from "../types"
import { compareEventIds } from "./event-id"

/**
 * Wire bytes of events being fanned out, built once per event: every
 * connection then writes the same buffer, with no per-connection
 * serialisation or string encoding.
 */
const formatted = new WeakMap<RealtimeEvent, Buffer>()

/** One event in the `text/event-stream` wire format. */
export function formatEvent(event: RealtimeEvent): Buffer {
  let wire = formatted.get(event)
  if (wire === undefined) {
    wire = Buffer.from(
      `id: ${event.id}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`
    )
    formatted.set(event, wire)
  }
  return wire
}

/**
 * Merges a replay of missed events with live ones for one connection: live
 * events that arrive while the history is read are held back, then anything
 * at or before the last id written is dropped, so each event is written once
 * and in id order. Once a live event has passed that check the rest of the
 * channel's events arrive in publish order, so they are written unchecked.
 */
export class ChannelStream {
  protected pending_: RealtimeEvent[] | null = []
  protected lastId_: string | undefined
  protected inOrder_ = false

  constructor(
    protected readonly write_: StreamWriter,
    lastEventId?: string
  ) {
    this.lastId_ = lastEventId
  }

  /** The live listener: buffers until `live()` is called. */
  readonly onEvent = (event: RealtimeEvent): void => {
    if (this.inOrder_) {
      this.write_(formatEvent(event))
    } else if (this.pending_) {
      this.pending_.push(event)
    } else if (this.deliver(event)) {
      this.inOrder_ = true
    }
  }

  /** Writes the events missed since the client's last id. */
  replay(events: RealtimeEvent[]): void {
    for (const event of events) {
      this.deliver(event)
    }
  }

  /** Flushes what arrived during the replay and writes live from now on. */
  live(): void {
    const pending = this.pending_ ?? []
    this.pending_ = null
    for (const event of pending) {
      if (this.deliver(event)) {
        this.inOrder_ = true
      }
    }
    // Nothing to replay: every live event is new.
    if (!this.lastId_) {
      this.inOrder_ = true
    }
  }

  /** Writes the event unless the client already has it; true if written. */
  protected deliver(event: RealtimeEvent): boolean {
    if (this.lastId_ && compareEventIds(event.id, this.lastId_) <= 0) {
      return false
    }
    this.lastId_ = event.id
    this.write_(formatEvent(event))
    return true
  }
}
