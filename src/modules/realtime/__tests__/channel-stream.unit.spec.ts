import type { RealtimeEvent } from "../types"
import { ChannelStream, formatEvent } from "../utils/channel-stream"

const event = (id: string, n = 0): RealtimeEvent => ({
  id,
  channel: "admin",
  event: "test",
  data: { n },
})

function capture() {
  const written: string[] = []
  const chunks: (string | Buffer)[] = []
  const write = (chunk: string | Buffer) => {
    chunks.push(chunk)
    written.push(/^id: (\S+)/.exec(String(chunk))?.[1] ?? "")
  }
  return { write, written, chunks }
}

describe("ChannelStream", () => {
  it("serialises an event once and hands every connection the same buffer", () => {
    const shared = event("5-0", 5)
    const a = capture()
    const b = capture()
    for (const { write } of [a, b]) {
      const stream = new ChannelStream(write)
      stream.live()
      stream.onEvent(shared)
    }
    expect(a.chunks[0]).toBe(b.chunks[0])
    expect(String(a.chunks[0])).toEqual(
      'id: 5-0\nevent: test\ndata: {"n":5}\n\n'
    )
    expect(formatEvent(shared)).toBe(a.chunks[0])
  })

  it("writes replayed and live events once each, in order, even when a replayed one arrives live late", () => {
    const { write, written } = capture()
    const stream = new ChannelStream(write, "1-0")
    stream.onEvent(event("3-0")) // live while the history is read
    stream.replay([event("2-0"), event("3-0")])
    stream.live()
    stream.onEvent(event("3-0")) // the same event, late on the live path
    stream.onEvent(event("2-0"))
    stream.onEvent(event("4-0"))
    stream.onEvent(event("5-0"))
    expect(written).toEqual(["2-0", "3-0", "4-0", "5-0"])
  })

  it("drops events at or before the client's Last-Event-ID", () => {
    const { write, written } = capture()
    const stream = new ChannelStream(write, "10-3")
    stream.live()
    stream.onEvent(event("10-2"))
    stream.onEvent(event("10-3"))
    stream.onEvent(event("10-4"))
    expect(written).toEqual(["10-4"])
  })
})
