import { notificationFeed } from "../notifications-feed"

type Handler = (message: {
  data: string
  lastEventId: string
  type: string
}) => void

/** Records the streams the feed opens and lets the test push events. */
class FakeEventSource {
  static opened: FakeEventSource[] = []
  readonly handlers = new Map<string, Handler>()
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
  }

  emit(type: string, id: string, data: Record<string, unknown>) {
    this.handlers.get(type)?.({
      type,
      lastEventId: id,
      data: JSON.stringify(data),
    })
  }
}

describe("admin notification feed", () => {
  beforeAll(() => {
    Object.assign(globalThis, { EventSource: FakeEventSource })
  })

  it("reopens after the last notification it received, not the last one read", () => {
    const unsubscribe = notificationFeed.subscribe(() => {})
    const [first] = FakeEventSource.opened
    expect(first.url).toEqual("/admin/notifications/stream")
    first.emit("order.placed", "1700000000000-0", { title: "Order #1" })
    first.emit("order.placed", "1700000000500-3", { title: "Order #2" })
    unsubscribe()
    expect(first.closed).toBe(true)

    // No panel is mounted for a while; the next one asks for what it missed.
    const again = notificationFeed.subscribe(() => {})
    const second = FakeEventSource.opened[1]
    expect(second.url).toEqual(
      "/admin/notifications/stream?last_event_id=1700000000500-3"
    )
    second.emit("order.placed", "1700000000500-3", { title: "Order #2" })
    second.emit("order.placed", "1700000009000-0", { title: "Order #3" })
    expect(notificationFeed.getState().items.map(({ title }) => title)).toEqual(
      ["Order #3", "Order #2", "Order #1"]
    )
    again()
  })
})
