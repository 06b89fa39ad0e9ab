/**
 * The admin's live notifications: one EventSource on
 * `/admin/notifications/stream`, shared by every component that shows them,
 * open while at least one is mounted. The admin session cookie
 * authenticates it. The id of the newest notification read is kept in
 * localStorage: a new page asks the stream to replay what came after it, so
 * notifications that arrived while the admin was away show as unread. When
 * the stream reopens on the same page, it replays what came after the newest
 * notification received. The browser retries a dropped connection itself,
 * but gives up for good on an error status (a proxy's 502 while the server
 * restarts, a 401 once the session lapsed): the feed then opens a new stream,
 * waiting longer after each failure.
 */

/** A notification as the admin panel shows it. */
export type AdminNotification = {
  id: string
  event: string
  title: string
  data: Record<string, unknown>
}

export type FeedStatus = "connecting" | "live" | "reconnecting"

export type FeedState = {
  items: AdminNotification[]
  unread: number
  status: FeedStatus
}

/** Events of the admin channel the panel shows. */
export const FEED_EVENTS = [
  "order.placed",
  "order.canceled",
  "payment.captured",
  "inventory.low_stock",
  "flash_sale.started",
  "flash_sale.sold_out",
] as const

const RETRACTED = "notification.retracted"
const STREAM_URL = "/admin/notifications/stream"
const STORAGE_KEY = "klelite.admin-notifications.last-read"
const MAX_ITEMS = 50
/** `EventSource.CLOSED`: the browser will not reconnect by itself. */
const CLOSED = 2
const RECONNECT_BASE_MS = 1000
const RECONNECT_MAX_MS = 30_000

/** Milliseconds to wait before the `attempt`th reopening (0-based). */
export function reconnectDelay(attempt: number): number {
  return Math.min(RECONNECT_BASE_MS * 2 ** attempt, RECONNECT_MAX_MS)
}

/** Orders ids of the `<ms>-<seq>` shape the stream sends. */
export function compareIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split("-").map(Number)
  const [bMs, bSeq] = b.split("-").map(Number)
  return aMs - bMs || aSeq - bSeq
}

function readLastRead(): string | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return value && /^\d+-\d+$/.test(value) ? value : null
  } catch {
    return null
  }
}

class NotificationFeed {
  protected state_: FeedState = { items: [], unread: 0, status: "connecting" }
  protected lastRead_: string | null = readLastRead()
  protected lastReceived_: string | null = null
  protected source_: EventSource | null = null
  protected retryTimer_: ReturnType<typeof setTimeout> | null = null
  protected failures_ = 0
  protected readonly listeners_ = new Set<() => void>()

  readonly getState = (): FeedState => this.state_

  /** Opens the stream with the first listener, closes it with the last. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners_.add(listener)
    if (!this.source_ && !this.retryTimer_) {
      this.state_ = { ...this.state_, status: "connecting" }
      this.open()
    }
    return () => {
      this.listeners_.delete(listener)
      if (!this.listeners_.size) {
        this.source_?.close()
        this.source_ = null
        if (this.retryTimer_) {
          clearTimeout(this.retryTimer_)
          this.retryTimer_ = null
        }
        this.failures_ = 0
      }
    }
  }

  /** Marks everything shown so far as read, here and on the next visit. */
  markAllRead(): void {
    const newest = this.state_.items[0]?.id
    if (!newest) {
      return
    }
    this.lastRead_ = newest
    try {
      window.localStorage.setItem(STORAGE_KEY, newest)
    } catch {
      // Private mode: read state lasts for this page only.
    }
    this.update({})
  }

  protected open(): void {
    const after = this.lastReceived_ ?? this.lastRead_
    const query = after ? `?last_event_id=${encodeURIComponent(after)}` : ""
    const source = new EventSource(`${STREAM_URL}${query}`, {
      withCredentials: true,
    })
    source.onopen = () => {
      this.failures_ = 0
      this.update({ status: "live" })
    }
    source.onerror = () => {
      if (source.readyState === CLOSED) {
        this.reopenLater(source)
      }
      this.update({ status: "reconnecting" })
    }
    for (const event of FEED_EVENTS) {
      source.addEventListener(event, (message) => this.onMessage(message))
    }
    source.addEventListener(RETRACTED, (message) => this.onRetracted(message))
    this.source_ = source
  }

  /** Replaces a stream the browser gave up on, after a growing delay. */
  protected reopenLater(source: EventSource): void {
    if (this.source_ !== source) {
      return
    }
    source.close()
    this.source_ = null
    this.retryTimer_ = setTimeout(() => {
      this.retryTimer_ = null
      if (this.listeners_.size) {
        this.open()
      }
    }, reconnectDelay(this.failures_++))
  }

  protected onMessage(message: MessageEvent<string>): void {
    this.received(message.lastEventId)
    const data = parse(message.data)
    if (
      !data ||
      this.state_.items.some(({ id }) => id === message.lastEventId)
    ) {
      return
    }
    const item: AdminNotification = {
      id: message.lastEventId,
      event: message.type,
      title: typeof data.title === "string" ? data.title : message.type,
      data,
    }
    this.update({ items: [item, ...this.state_.items].slice(0, MAX_ITEMS) })
  }

  protected onRetracted(message: MessageEvent<string>): void {
    this.received(message.lastEventId)
    const id = parse(message.data)?.id
    this.update({ items: this.state_.items.filter((item) => item.id !== id) })
  }

  protected received(id: string): void {
    if (
      /^\d+-\d+$/.test(id) &&
      (!this.lastReceived_ || compareIds(id, this.lastReceived_) > 0)
    ) {
      this.lastReceived_ = id
    }
  }

  protected update(change: Partial<FeedState>): void {
    const items = change.items ?? this.state_.items
    const lastRead = this.lastRead_
    const unread = lastRead
      ? items.filter(({ id }) => compareIds(id, lastRead) > 0).length
      : items.length
    this.state_ = { ...this.state_, ...change, items, unread }
    this.listeners_.forEach((listener) => listener())
  }
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === "object"
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/** The one feed of this admin tab. */
export const notificationFeed = new NotificationFeed()
