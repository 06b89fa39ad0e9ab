import { EventEmitter } from "events"
import type { RealtimeEvent, RealtimeListener } from "../types"

/**
 * The listeners of this process, by channel. The emitter never warns about
 * many listeners: one SSE connection is one listener.
 */
export class LocalListeners {
  protected readonly emitter_ = new EventEmitter().setMaxListeners(0)

  /** Adds a listener; true when it is the channel's first. */
  add(channel: string, listener: RealtimeListener): boolean {
    this.emitter_.on(channel, listener)
    return this.emitter_.listenerCount(channel) === 1
  }

  /** Removes a listener; true when the channel has none left. */
  remove(channel: string, listener: RealtimeListener): boolean {
    this.emitter_.off(channel, listener)
    return this.emitter_.listenerCount(channel) === 0
  }

  has(channel: string): boolean {
    return this.emitter_.listenerCount(channel) > 0
  }

  /** Calls every listener of the event's channel; one that throws is skipped. */
  dispatch(event: RealtimeEvent, onError: (error: unknown) => void): void {
    for (const listener of this.emitter_.listeners(event.channel)) {
      try {
        ;(listener as RealtimeListener)(event)
      } catch (error) {
        onError(error)
      }
    }
  }

  counts(): { channels: number; listeners: number } {
    const channels = this.emitter_.eventNames()
    let listeners = 0
    for (const channel of channels) {
      listeners += this.emitter_.listenerCount(channel)
    }
    return { channels: channels.length, listeners }
  }

  clear(): void {
    this.emitter_.removeAllListeners()
  }
}
