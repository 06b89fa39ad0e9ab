import type { Logger } from "@medusajs/framework/types"
import type { RealtimeEvent, RealtimeListener } from "../types"
import { compareEventIds } from "../utils/event-id"
import { LocalListeners } from "./local-listeners"
import type { Broker } from "./types"

/** Channels whose history is kept; the least recently published go first. */
const MAX_CHANNELS = 10_000

/**
 * Single-process broker: an EventEmitter for fan-out and a ring buffer of
 * `historySize` events per channel. Ids have the shape of Redis stream ids.
 */
export class MemoryBroker implements Broker {
  readonly mode = "memory" as const
  protected readonly listeners_ = new LocalListeners()
  protected readonly history_ = new Map<string, RealtimeEvent[]>()
  protected lastMs_ = 0
  protected seq_ = 0

  constructor(
    protected readonly historySize_: number,
    protected readonly logger_?: Logger
  ) {}

  async publish(
    channel: string,
    event: string,
    data: unknown
  ): Promise<RealtimeEvent> {
    // A JSON round trip so listeners see what they would over Redis.
    const message: RealtimeEvent = {
      id: this.nextId(),
      channel,
      event,
      data: JSON.parse(JSON.stringify(data ?? null)),
    }
    this.remember(message)
    this.listeners_.dispatch(message, (error) =>
      this.logger_?.warn(`Realtime listener failed: ${String(error)}`)
    )
    return message
  }

  // In process nothing is lost in transit, so there is no interruption.
  async subscribe(
    channel: string,
    listener: RealtimeListener
  ): Promise<() => void> {
    this.listeners_.add(channel, listener)
    let done = false
    return () => {
      if (!done) {
        done = true
        this.listeners_.remove(channel, listener)
      }
    }
  }

  async history(
    channel: string,
    afterId: string,
    limit: number
  ): Promise<RealtimeEvent[]> {
    const events = this.history_.get(channel) ?? []
    return events
      .filter((event) => compareEventIds(event.id, afterId) > 0)
      .slice(-limit)
  }

  async newestId(channel: string): Promise<string | undefined> {
    const events = this.history_.get(channel) ?? []
    return events[events.length - 1]?.id
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.listeners_.clear()
    this.history_.clear()
  }

  counts() {
    return this.listeners_.counts()
  }

  protected nextId(): string {
    const now = Date.now()
    if (now > this.lastMs_) {
      this.lastMs_ = now
      this.seq_ = 0
    } else {
      this.seq_ += 1
    }
    return `${this.lastMs_}-${this.seq_}`
  }

  protected remember(event: RealtimeEvent): void {
    const events = this.history_.get(event.channel) ?? []
    // Re-inserting moves the channel to the end of the eviction order.
    this.history_.delete(event.channel)
    this.history_.set(event.channel, events)
    events.push(event)
    if (events.length > this.historySize_) {
      events.splice(0, events.length - this.historySize_)
    }
    if (this.history_.size > MAX_CHANNELS) {
      const oldest = this.history_.keys().next().value
      if (oldest !== undefined) {
        this.history_.delete(oldest)
      }
    }
  }
}
