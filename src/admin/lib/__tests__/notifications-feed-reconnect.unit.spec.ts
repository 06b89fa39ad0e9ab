import { notificationFeed, reconnectDelay } from "../notifications-feed"

type Handler = (message: {
  data: string
  lastEventId: string
  type: string
}) => void

/** Records the streams the feed opens and lets the test drive them. */
class FakeEventSource {
  static opened: FakeEventSource[] = []
  readonly handlers = new Map<string, Handler>()
  readyState = 0
  closed = false
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this)
  }

  addEventListener(type: string, handler: Handler) {
    this.handlers.set(type, handler)
  }

  close() {
    this.closed = true
    this.readyState = 2
  }

  open() {
    this.readyState = 1
    this.onopen?.()
  }

  /** The server answered an error status: the browser stops for good. */
  fail() {
    this.readyState = 2
    this.onerror?.()
  }

  emit(type: string, id: string, data: Record<string, unknown>) {
    this.handlers.get(type)?.({
      type,
      lastEventId: id,
      data: JSON.stringify(data),
    })
  }
}

describe("admin notification feed reconnection", () => {
  beforeAll(() => {
    Object.assign(globalThis, { EventSource: FakeEventSource })
  })

  beforeEach(() => {
    jest.useFakeTimers()
    FakeEventSource.opened = []
  })

  afterEach(() => {
    jest.useRealTimers()
  })

  it("waits longer after each failure, up to 30 s", () => {
    expect([0, 1, 2, 5, 10].map(reconnectDelay)).toEqual([
      1000, 2000, 4000, 30_000, 30_000,
    ])
  })

  it("opens a new stream after the browser gave up on an error status", () => {
    const unsubscribe = notificationFeed.subscribe(() => {})
    const [first] = FakeEventSource.opened
    first.open()
    first.emit("order.placed", "1700000000000-0", { title: "Order #1" })

    first.fail()
    expect(first.closed).toBe(true)
    expect(notificationFeed.getState().status).toEqual("reconnecting")
    jest.advanceTimersByTime(reconnectDelay(0))

    const second = FakeEventSource.opened[1]
    expect(second?.url).toEqual(
      "/admin/notifications/stream?last_event_id=1700000000000-0"
    )
    second.fail()
    jest.advanceTimersByTime(reconnectDelay(1) - 1)
    expect(FakeEventSource.opened).toHaveLength(2)
    jest.advanceTimersByTime(1)
    expect(FakeEventSource.opened).toHaveLength(3)

    FakeEventSource.opened[2].open()
    expect(notificationFeed.getState().status).toEqual("live")
    unsubscribe()
  })

  it("leaves a dropped connection to the browser's own retry", () => {
    const unsubscribe = notificationFeed.subscribe(() => {})
    const [source] = FakeEventSource.opened
    source.readyState = 0
    source.onerror?.()
    jest.advanceTimersByTime(60_000)
    expect(FakeEventSource.opened).toHaveLength(1)
    expect(source.closed).toBe(false)
    unsubscribe()
  })

  it("stops retrying once nothing shows the feed", () => {
    const unsubscribe = notificationFeed.subscribe(() => {})
    FakeEventSource.opened[0].fail()
    unsubscribe()
    jest.advanceTimersByTime(60_000)
    expect(FakeEventSource.opened).toHaveLength(1)
  })

  it("shows payments captured, which the admin channel publishes", () => {
    const unsubscribe = notificationFeed.subscribe(() => {})
    FakeEventSource.opened[0].emit("payment.captured", "1700000009000-0", {
      title: "Payment captured for order #7",
      order_id: "order_1",
    })
    expect(notificationFeed.getState().items[0]).toMatchObject({
      event: "payment.captured",
      title: "Payment captured for order #7",
    })
    unsubscribe()
  })
})
