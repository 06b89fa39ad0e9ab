import type { RealtimeEvent, StreamWriter } from "../types"
import { compareEventIds } from "./event-id"

/** Wire text of events being fanned out: built once, not per connection. */
const formatted = new WeakMap<RealtimeEvent, string>()

/** One event in the `text/event-stream` wire format. */
export function formatEvent(event: RealtimeEvent): string {
  let text = formatted.get(event)
  if (text === undefined) {
    text = `id: ${event.id}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`
    formatted.set(event, text)
  }
  return text
}

/**
 * Merges a replay of missed events with live ones for one connection: live
 * events that arrive while the history is read are held back, then anything
 * at or before the last id written is dropped, so each event is written once
 * and in id order.
 */
export class ChannelStream {
  protected pending_: RealtimeEvent[] | null = []
  protected lastId_: string | undefined

  constructor(
    protected readonly write_: StreamWriter,
    lastEventId?: string
  ) {
    this.lastId_ = lastEventId
  }

  /** The live listener: buffers until `live()` is called. */
  readonly onEvent = (event: RealtimeEvent): void => {
    if (this.pending_) {
      this.pending_.push(event)
    } else {
      this.deliver(event)
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
      this.deliver(event)
    }
  }

  protected deliver(event: RealtimeEvent): void {
    if (this.lastId_ && compareEventIds(event.id, this.lastId_) <= 0) {
      return
    }
    this.lastId_ = event.id
    this.write_(formatEvent(event))
  }
}
