/**
 * Realtime module: publish/subscribe on named channels with a bounded,
 * replayable history, the back-in-stock requests whose notifications go
 * out over it, and the markers that alert each low-stock fall once.
 *
 * Channels are `admin`, `customer:<id>`, `flash-sale:<id>` and
 * `product:<id>`. With `redisUrl` events fan out over Redis Pub/Sub, so a
 * listener on any instance receives what any instance publishes, and each
 * channel's history is a capped Redis stream whose ids are the event ids.
 * Without it one process's EventEmitter and ring buffers do the same.
 *
 * `openStream` serves one SSE connection: it subscribes, replays what the
 * client missed since its Last-Event-ID, then writes live events and a
 * heartbeat. It ends the stream when the Redis subscriber connection drops,
 * so the client reconnects and replays what was published meanwhile.
 * `stats()` counts listeners, streams and timers still open.
 */
import type { Context, Logger } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { MemoryBroker } from "./broker/memory-broker"
import { RedisBroker } from "./broker/redis-broker"
import type { Broker } from "./broker/types"
import { BackInStockSubscription, LowStockAlert } from "./models"
import type {
  BackInStockSubscriptionDTO,
  LowStockAlertDTO,
  LowStockAlertKey,
  OpenStreamInput,
  RealtimeEvent,
  RealtimeHealth,
  RealtimeListener,
  RealtimeModuleOptions,
  RealtimeStats,
  RemoveLowStockAlertsInput,
  RequestBackInStockInput,
  SyncLowStockAlertsInput,
} from "./types"
import { assertChannel } from "./utils/channels"
import { ChannelStream } from "./utils/channel-stream"
import { parseEventId } from "./utils/event-id"
import { resolveOptions, type ResolvedRealtimeOptions } from "./utils/options"
import * as sql from "./utils/sql"
import * as lowStock from "./utils/low-stock-alerts"
import { transactionManagerOf } from "./utils/transaction-manager"

/** The idle-connection comment, shared by every stream. */
const HEARTBEAT = Buffer.from(": heartbeat\n\n")

/** Sent as the last id while a channel has no history: replay takes it all. */
const NO_EVENT_ID = "0-0"

type InjectedDependencies = {
  logger?: Logger
}

/** Realtime channels with replayable history, back-in-stock requests and low-stock markers. */
export default class RealtimeModuleService extends MedusaService({
  BackInStockSubscription,
  LowStockAlert,
}) {
  protected readonly options_: ResolvedRealtimeOptions
  protected readonly broker_: Broker
  protected readonly timers_ = new Set<NodeJS.Timeout>()
  protected streams_ = 0

  __hooks = {
    onApplicationShutdown: async (): Promise<void> => {
      await this.close()
    },
  }

  constructor(
    container: InjectedDependencies,
    options: RealtimeModuleOptions = {}
  ) {
    // The whole container: the generated CRUD methods resolve from it.
    super(container, options)
    this.options_ = resolveOptions(options)
    const { redisUrl, prefix, historySize, historyTtlSeconds } = this.options_
    this.broker_ = redisUrl
      ? new RedisBroker(
          { redisUrl, prefix, historySize, historyTtlSeconds },
          container.logger
        )
      : new MemoryBroker(historySize, container.logger)
  }

  /** Publishes an event to a channel's listeners on every instance. */
  async publish<TData>(
    channel: string,
    event: string,
    data: TData
  ): Promise<RealtimeEvent<TData>> {
    assertChannel(channel)
    const published = await this.broker_.publish(channel, event, data)
    return { ...published, data: published.data as TData }
  }

  /** Calls `listener` with the channel's events until the returned undo. */
  async subscribe(
    channel: string,
    listener: RealtimeListener
  ): Promise<() => void> {
    return await this.broker_.subscribe(assertChannel(channel), listener)
  }

  /** The kept events of a channel after `afterId`, oldest first. */
  async history(channel: string, afterId: string): Promise<RealtimeEvent[]> {
    return await this.broker_.history(
      assertChannel(channel),
      parseEventId(afterId),
      this.options_.historySize
    )
  }

  /**
   * Serves one event-stream connection: missed events after `lastEventId`,
   * then live ones, and a heartbeat comment. A client that sent no id first
   * gets the channel's newest one, so it has an id to replay after should
   * it reconnect before any event. Call the returned function when the
   * client goes away; it is safe to call more than once.
   */
  async openStream(
    channel: string,
    { lastEventId, write, end }: OpenStreamInput
  ): Promise<() => void> {
    assertChannel(channel)
    const after = lastEventId ? parseEventId(lastEventId) : undefined
    let wrote = false
    const stream = new ChannelStream((chunk) => {
      wrote = true
      write(chunk)
    }, after)

    let open = true
    // Filled in as the stream opens: `close` may run at any point of it.
    const held: { unsubscribe?: () => void; timer?: NodeJS.Timeout } = {}
    const close = () => {
      if (open) {
        open = false
        if (held.timer) {
          clearInterval(held.timer)
          this.timers_.delete(held.timer)
          this.streams_ -= 1
        }
        held.unsubscribe?.()
      }
    }
    // Events were lost in transit: ending the stream makes the client
    // reconnect with its Last-Event-ID and replay them from the history.
    const interrupt = () => {
      close()
      end?.()
    }

    const unsubscribe = await this.broker_.subscribe(
      channel,
      stream.onEvent,
      interrupt
    )
    if (!open) {
      // Interrupted while subscribing: `close` ran before the undo existed.
      unsubscribe()
      return close
    }
    held.unsubscribe = unsubscribe
    try {
      if (after) {
        stream.replay(
          await this.broker_.history(channel, after, this.options_.historySize)
        )
      } else {
        const newest = await this.broker_.newestId(channel)
        write(`id: ${newest ?? NO_EVENT_ID}\n\n`)
      }
    } catch (error) {
      close()
      throw error
    }
    if (!open) {
      // Interrupted while replaying: `close` undid the subscription.
      return close
    }
    stream.live()

    // Events keep a busy stream alive, so it skips the heartbeat: 10,000
    // heartbeat writes cost as much as a broadcast. Checking every half
    // interval for a write since the last check keeps every stream from
    // being silent for a whole interval.
    const timer = setInterval(() => {
      if (wrote) {
        wrote = false
      } else {
        write(HEARTBEAT)
      }
    }, this.options_.heartbeatMs / 2)
    held.timer = timer
    this.timers_.add(timer)
    this.streams_ += 1
    return close
  }

  /** Live listeners, streams and timers of this instance. */
  stats(): RealtimeStats {
    return {
      mode: this.broker_.mode,
      ...this.broker_.counts(),
      streams: this.streams_,
      timers: this.timers_.size,
    }
  }

  /** Whether the backing store answers; never throws. */
  async health(): Promise<RealtimeHealth> {
    try {
      await this.broker_.ping()
      return { ok: true, mode: this.broker_.mode }
    } catch (error) {
      return {
        ok: false,
        mode: this.broker_.mode,
        error: error instanceof Error ? error.message : String(error),
      }
    }
  }

  /** Stops timers and closes connections; the module is unusable after it. */
  async close(): Promise<void> {
    for (const timer of this.timers_) {
      clearInterval(timer)
    }
    this.timers_.clear()
    await this.broker_.close()
  }

  /**
   * Records a customer's wish to hear when the variant is back. Asking again
   * while a request is pending returns that request (`created: false`).
   */
  @InjectManager()
  async requestBackInStock(
    input: RequestBackInStockInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ subscription: BackInStockSubscriptionDTO; created: boolean }> {
    return await this.requestBackInStock_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async requestBackInStock_(
    { variant_id, customer_id, email }: RequestBackInStockInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ subscription: BackInStockSubscriptionDTO; created: boolean }> {
    const manager = transactionManagerOf(sharedContext)
    // A restock may notify the pending request between the insert and the
    // lookup: the customer is then asking anew, so insert once more.
    for (let attempt = 0; attempt < 2; attempt++) {
      const [created] = await manager.execute<BackInStockSubscriptionDTO[]>(
        sql.INSERT_PENDING,
        [generateEntityId(undefined, "bis"), variant_id, customer_id, email]
      )
      if (created) {
        return { subscription: created, created: true }
      }
      const [pending] = await manager.execute<BackInStockSubscriptionDTO[]>(
        sql.SELECT_PENDING,
        [variant_id, customer_id]
      )
      if (pending) {
        return { subscription: pending, created: false }
      }
    }
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "The back-in-stock request changed while it was being recorded: try again"
    )
  }

  /**
   * Marks the pending requests of the variants notified and returns them.
   * One statement: concurrent callers never get the same request.
   */
  @InjectManager()
  async claimBackInStock(
    variantIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BackInStockSubscriptionDTO[]> {
    return await this.claimBackInStock_(variantIds, sharedContext)
  }

  @InjectTransactionManager()
  protected async claimBackInStock_(
    variantIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BackInStockSubscriptionDTO[]> {
    if (!variantIds.length) {
      return []
    }
    return await transactionManagerOf(sharedContext).execute(
      sql.claimPending(variantIds.length),
      variantIds
    )
  }

  /** Makes claimed requests pending again (a failed notification). */
  @InjectManager()
  async releaseBackInStock(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.releaseBackInStock_(ids, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseBackInStock_(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (ids.length) {
      await transactionManagerOf(sharedContext).execute(
        sql.releaseClaimed(ids.length),
        ids
      )
    }
  }

  /**
   * Marks the variants' levels alerted, whatever their stock, and returns the
   * markers it took: it puts back the markers of a rolled-back removal. One
   * statement: of concurrent callers, one takes each marker.
   */
  @InjectManager()
  async claimLowStockAlerts(
    keys: LowStockAlertKey[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LowStockAlertDTO[]> {
    return await this.claimLowStockAlerts_(keys, sharedContext)
  }

  @InjectTransactionManager()
  protected async claimLowStockAlerts_(
    keys: LowStockAlertKey[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LowStockAlertDTO[]> {
    const params = lowStock.alertKeyParams(keys)
    if (!params.length) {
      return []
    }
    return await transactionManagerOf(sharedContext).execute(
      lowStock.claimAlerts(params.length),
      params.flatMap((key) => [generateEntityId(undefined, "lsa"), ...key])
    )
  }

  /**
   * Brings a level's markers in line with the given stock, in one
   * transaction: takes those of the variants below their threshold (each
   * once, however many callers race) and removes the level's others; a
   * deleted level (`available: null`) keeps none. Returns the markers taken
   * now: the falls to alert. The caller reads the stock and serialises the
   * syncs of one level, so the last one decides on the final stock.
   */
  @InjectManager()
  async syncLowStockAlerts(
    input: SyncLowStockAlertsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LowStockAlertDTO[]> {
    return await this.syncLowStockAlerts_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async syncLowStockAlerts_(
    { inventory_level_id, available, variants }: SyncLowStockAlertsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LowStockAlertDTO[]> {
    const manager = transactionManagerOf(sharedContext)
    // Sorted, so concurrent claims of one level take the rows in one order.
    const low = new Set(
      available === null
        ? []
        : variants
            .filter(({ threshold }) => available < threshold)
            .map(({ variant_id }) => variant_id)
            .sort()
    )
    await manager.execute(lowStock.clearAlertsExcept(low.size), [
      inventory_level_id,
      ...low,
    ])
    if (!low.size) {
      return []
    }
    return await manager.execute<LowStockAlertDTO[]>(
      lowStock.claimAlerts(low.size),
      [...low].flatMap((variant_id) => [
        generateEntityId(undefined, "lsa"),
        inventory_level_id,
        variant_id,
      ])
    )
  }

  /**
   * Removes a level's markers, or only those of `variant_ids` there, and
   * returns them. One level a call: its markers change under its lock only.
   */
  @InjectManager()
  async removeLowStockAlerts(
    input: RemoveLowStockAlertsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LowStockAlertDTO[]> {
    return await this.removeLowStockAlerts_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async removeLowStockAlerts_(
    { inventory_level_id, variant_ids }: RemoveLowStockAlertsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LowStockAlertDTO[]> {
    if (variant_ids && !variant_ids.length) {
      return []
    }
    return await transactionManagerOf(sharedContext).execute(
      lowStock.removeAlertsAt(variant_ids?.length ?? 0),
      [inventory_level_id, ...(variant_ids ?? [])]
    )
  }
}
