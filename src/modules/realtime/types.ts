/** One message on a channel; `id` orders it within the channel's history. */
export type RealtimeEvent<TData = unknown> = {
  id: string
  channel: string
  event: string
  data: TData
}

/** Called with every event published on a subscribed channel. */
export type RealtimeListener = (event: RealtimeEvent) => void

/** Options of the realtime module, set in `medusa-config.ts`. */
export type RealtimeModuleOptions = {
  /** Fans events out over Redis Pub/Sub and keeps history in streams. */
  redisUrl?: string
  /** Put before every Redis key and Pub/Sub channel of the module. */
  prefix?: string
  /** Events kept per channel for clients that reconnect. Default 100. */
  historySize?: number
  /** A channel's history is dropped after this long without events. */
  historyTtlSeconds?: number
  /** Interval of the SSE heartbeat comment. Default 15 000. */
  heartbeatMs?: number
}

/** Live resources held by the module, for leak checks and monitoring. */
export type RealtimeStats = {
  mode: "redis" | "memory"
  /** Channels with at least one local listener. */
  channels: number
  /** Local listeners over all channels. */
  listeners: number
  /** Open event streams (one per SSE connection). */
  streams: number
  /** Heartbeat timers running. */
  timers: number
}

export type RealtimeHealth = {
  ok: boolean
  mode: "redis" | "memory"
  error?: string
}

/**
 * Writes one chunk of the event stream to the client. Events come as one
 * shared buffer per event: write it as is, never modify it.
 */
export type StreamWriter = (chunk: string | Buffer) => void

export type OpenStreamInput = {
  /** Replays the history after this id before live events. */
  lastEventId?: string
  write: StreamWriter
  /**
   * Called when the module ends the stream because events may have been lost
   * in transit: close the connection so the client reconnects and replays.
   */
  end?: () => void
}

export type BackInStockSubscriptionDTO = {
  id: string
  variant_id: string
  customer_id: string
  email: string
  notified_at: Date | null
  created_at: Date
  updated_at: Date
}

export type RequestBackInStockInput = {
  variant_id: string
  customer_id: string
  email: string
}

/** A variant at one inventory level, as a low-stock alert marks it. */
export type LowStockAlertKey = {
  inventory_level_id: string
  variant_id: string
}

export type LowStockAlertDTO = LowStockAlertKey & {
  id: string
  created_at: Date
  updated_at: Date
}

/** A variant stocked at a level, low while the level has fewer units. */
export type LowStockThreshold = {
  variant_id: string
  threshold: number
}

export type SyncLowStockAlertsInput = {
  inventory_level_id: string
  /** Sellable units at the level; null once the level is deleted. */
  available: number | null
  /** The variants the level stocks; markers of any other are removed. */
  variants: LowStockThreshold[]
}

/** Markers to remove at one level: all of them, or only these variants'. */
export type RemoveLowStockAlertsInput = {
  inventory_level_id: string
  variant_ids?: string[]
}
