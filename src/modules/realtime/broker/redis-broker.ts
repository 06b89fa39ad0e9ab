import type { Logger } from "@medusajs/framework/types"
import Redis from "ioredis"
import type { RealtimeEvent, RealtimeListener } from "../types"
import { LocalListeners } from "./local-listeners"
import { PUBLISH_SCRIPT } from "./lua"
import type { Broker } from "./types"

export type RedisBrokerOptions = {
  redisUrl: string
  prefix: string
  historySize: number
  historyTtlSeconds: number
}

type WireMessage = { id: string; event: string; data: string }
type StreamEntry = [id: string, fields: string[]]

/**
 * Fans events out over Redis Pub/Sub so a listener on any instance gets what
 * any instance publishes. The process holds one subscriber connection and
 * subscribes to a channel while it has local listeners for it. History is a
 * capped stream per channel (`XADD MAXLEN ~`), whose ids are the event ids.
 */
export class RedisBroker implements Broker {
  readonly mode = "redis" as const
  protected readonly listeners_ = new LocalListeners()
  protected readonly subscribed_ = new Map<string, Promise<unknown>>()
  protected readonly interrupts_ = new Set<() => void>()
  protected readonly publisher_: Redis
  protected subscriber_: Redis | null = null

  constructor(
    protected readonly options_: RedisBrokerOptions,
    protected readonly logger_?: Logger
  ) {
    this.publisher_ = this.connect("publisher")
  }

  async publish(
    channel: string,
    event: string,
    data: unknown
  ): Promise<RealtimeEvent> {
    const json = JSON.stringify(data ?? null)
    const id = await this.publisher_.eval(
      PUBLISH_SCRIPT,
      1,
      this.streamKey(channel),
      this.options_.historySize,
      event,
      json,
      this.pubsubChannel(channel),
      this.options_.historyTtlSeconds
    )
    return { id: String(id), channel, event, data: JSON.parse(json) }
  }

  async subscribe(
    channel: string,
    listener: RealtimeListener,
    onInterrupt?: () => void
  ): Promise<() => void> {
    // Wrapped: the same callback given twice is two entries.
    const interrupt = onInterrupt && (() => onInterrupt())
    if (interrupt) {
      this.interrupts_.add(interrupt)
    }
    this.listeners_.add(channel, listener)
    let done = false
    const unsubscribe = () => {
      if (!done) {
        done = true
        if (interrupt) {
          this.interrupts_.delete(interrupt)
        }
        this.release(channel, listener)
      }
    }
    try {
      await this.ensureSubscribed(channel)
    } catch (error) {
      unsubscribe()
      throw error
    }
    return unsubscribe
  }

  async history(
    channel: string,
    afterId: string,
    limit: number
  ): Promise<RealtimeEvent[]> {
    // The newest `limit` after the id: a client too far behind loses the oldest.
    const entries = (await this.publisher_.xrevrange(
      this.streamKey(channel),
      "+",
      `(${afterId}`,
      "COUNT",
      limit
    )) as StreamEntry[]
    return entries.reverse().map(([id, fields]) => toEvent(channel, id, fields))
  }

  async newestId(channel: string): Promise<string | undefined> {
    const [newest] = (await this.publisher_.xrevrange(
      this.streamKey(channel),
      "+",
      "-",
      "COUNT",
      1
    )) as StreamEntry[]
    return newest?.[0]
  }

  async ping(): Promise<void> {
    await this.publisher_.ping()
  }

  async close(): Promise<void> {
    this.interrupts_.clear()
    this.listeners_.clear()
    this.subscribed_.clear()
    await Promise.allSettled(
      [this.publisher_, this.subscriber_].map((client) => client?.quit())
    )
  }

  counts() {
    return this.listeners_.counts()
  }

  protected ensureSubscribed(channel: string): Promise<unknown> {
    let pending = this.subscribed_.get(channel)
    if (!pending) {
      pending = this.subscriber()
        .subscribe(this.pubsubChannel(channel))
        .catch((error: unknown) => {
          this.subscribed_.delete(channel)
          throw error
        })
      this.subscribed_.set(channel, pending)
    }
    return pending
  }

  protected release(channel: string, listener: RealtimeListener): void {
    if (!this.listeners_.remove(channel, listener)) {
      return
    }
    this.subscribed_.delete(channel)
    // Commands on one connection run in order: a later SUBSCRIBE wins.
    this.subscriber_
      ?.unsubscribe(this.pubsubChannel(channel))
      .catch((error: unknown) =>
        this.logger_?.warn(`Realtime unsubscribe failed: ${String(error)}`)
      )
  }

  protected subscriber(): Redis {
    if (!this.subscriber_) {
      const subscriber = this.connect("subscriber")
      const start = this.pubsubChannel("")
      subscriber.on("message", (pubsubChannel: string, raw: string) => {
        this.onMessage(pubsubChannel.slice(start.length), raw)
      })
      subscriber.on("close", () => this.interrupt())
      this.subscriber_ = subscriber
    }
    return this.subscriber_
  }

  /**
   * The subscriber connection dropped. ioredis resubscribes once it is back,
   * but what was published meanwhile never reaches this process, so every
   * listener that can replay is told to.
   */
  protected interrupt(): void {
    const interrupts = [...this.interrupts_]
    this.interrupts_.clear()
    for (const interrupt of interrupts) {
      try {
        interrupt()
      } catch (error) {
        this.logger_?.warn(`Realtime interruption failed: ${String(error)}`)
      }
    }
  }

  protected onMessage(channel: string, raw: string): void {
    let message: WireMessage
    try {
      message = JSON.parse(raw)
    } catch {
      this.logger_?.warn(`Realtime: dropped a malformed message on ${channel}`)
      return
    }
    this.listeners_.dispatch(
      {
        id: message.id,
        channel,
        event: message.event,
        data: JSON.parse(message.data),
      },
      (error) => this.logger_?.warn(`Realtime listener failed: ${error}`)
    )
  }

  protected connect(role: string): Redis {
    const client = new Redis(this.options_.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 3,
      // Names the connection in CLIENT LIST: printable ASCII only.
      connectionName: `${this.options_.prefix}realtime-${role}`.replace(
        /[^!-~]/g,
        "_"
      ),
    })
    let failing = false
    client.on("error", (error: Error) => {
      // One line per outage, not one per reconnection attempt.
      if (!failing) {
        failing = true
        this.logger_?.error(`Realtime Redis ${role}: ${error.message}`)
      }
    })
    client.on("ready", () => (failing = false))
    return client
  }

  protected streamKey(channel: string): string {
    return `${this.options_.prefix}realtime:history:${channel}`
  }

  protected pubsubChannel(channel: string): string {
    return `${this.options_.prefix}realtime:channel:${channel}`
  }
}

function toEvent(channel: string, id: string, fields: string[]): RealtimeEvent {
  const values: Record<string, string> = {}
  for (let i = 0; i + 1 < fields.length; i += 2) {
    values[fields[i]] = fields[i + 1]
  }
  return {
    id,
    channel,
    event: values.event ?? "message",
    data: values.data === undefined ? null : JSON.parse(values.data),
  }
}
