import http from "http"
import net from "net"
import type { AddressInfo } from "net"
import { EVENT_STREAM_HEADERS, sendEventStream } from "../http/event-stream"
import RealtimeModuleService from "../service"

const tick = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms))

describe("sendEventStream", () => {
  let realtime: RealtimeModuleService
  let server: http.Server
  let port: number

  beforeEach(async () => {
    realtime = new RealtimeModuleService({}, { heartbeatMs: 60_000 })
    server = http.createServer((req, res) => {
      void sendEventStream(req, res, realtime, "admin")
    })
    await new Promise<void>((resolve) => server.listen(0, resolve))
    port = (server.address() as AddressInfo).port
  })

  afterEach(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await realtime.close()
  })

  const connections = () =>
    new Promise<number>((resolve, reject) =>
      server.getConnections((error, count) =>
        error ? reject(error) : resolve(count)
      )
    )

  it("keeps proxies and compression from holding events back", () => {
    expect(EVENT_STREAM_HEADERS["Cache-Control"]).toContain("no-transform")
  })

  it("drops the connection of a client that stopped reading, not only the stream", async () => {
    const client = net.connect(port, "127.0.0.1")
    client.on("error", () => {})
    await new Promise((resolve) => client.once("connect", resolve))
    client.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
    client.once("data", () => client.pause())
    for (let waited = 0; !realtime.stats().streams && waited < 5000;) {
      await tick(10)
      waited += 10
    }
    expect(realtime.stats().streams).toBe(1)

    // Far more than the socket buffers take, so the response queues it.
    const payload = { text: "x".repeat(64 * 1024) }
    for (let n = 0; n < 400 && realtime.stats().streams; n++) {
      await realtime.publish("admin", "big", payload)
      await tick(1)
    }

    expect(realtime.stats()).toMatchObject({ streams: 0, timers: 0 })
    for (let waited = 0; (await connections()) && waited < 5000;) {
      await tick(20)
      waited += 20
    }
    expect(await connections()).toBe(0)
    client.destroy()
  })
})
