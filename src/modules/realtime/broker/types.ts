import type { RealtimeEvent, RealtimeListener } from "../types"

/** Delivers events to local listeners and keeps each channel's history. */
export interface Broker {
  readonly mode: "redis" | "memory"
  /** Records the event in the channel's history and fans it out. */
  publish(channel: string, event: string, data: unknown): Promise<RealtimeEvent>
  /**
   * Resolves once events of `channel` reach `listener`; returns the undo.
   * `onInterrupt` is called once when events may have been lost (the
   * connection to the backing store dropped): undo, then replay the history.
   */
  subscribe(
    channel: string,
    listener: RealtimeListener,
    onInterrupt?: () => void
  ): Promise<() => void>
  /** The id of the channel's newest kept event, if any. */
  newestId(channel: string): Promise<string | undefined>
  /** The newest `limit` events of the channel after `afterId`, oldest first. */
  history(
    channel: string,
    afterId: string,
    limit: number
  ): Promise<RealtimeEvent[]>
  /** Throws when the backing store cannot be reached. */
  ping(): Promise<void>
  close(): Promise<void>
  /** Channels with local listeners and the number of those listeners. */
  counts(): { channels: number; listeners: number }
}
