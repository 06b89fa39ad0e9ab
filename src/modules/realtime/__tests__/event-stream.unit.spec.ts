import http from "http"
import net, { type AddressInfo } from "net"
import {
  EVENT_STREAM_HEADERS,
  RETRY_MS,
  sendEventStream,
} from "../http/event-stream"
import RealtimeModuleService from "../service"

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Serves the admin channel's stream after `delayMs` (authentication or a
 * lookup before the stream opens). Resolves once each request is handled.
 */
async function slowStreamServer(realtime: RealtimeModuleService, delayMs = 0) {
  const handled: Promise<void>[] = []
  const server = http.createServer((req, res) => {
    handled.push(
      tick(delayMs).then(() => sendEventStream(req, res, realtime, "admin"))
    )
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return { server, port, handled }
}

/** Sends a request and hangs up at once, before any response byte. */
async function requestAndHangUp(port: number): Promise<void> {
  const socket = net.connect(port, "127.0.0.1")
  await new Promise((resolve) => socket.once("connect", resolve))
  const request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
  await new Promise<void>((resolve) => socket.end(request, resolve))
  socket.destroy()
}

describe("sendEventStream", () => {
  let realtime: RealtimeModuleService

  beforeEach(() => {
    realtime = new RealtimeModuleService({}, { heartbeatMs: 60_000 })
  })

  afterEach(async () => {
    await realtime.close()
  })

  it("opens nothing for a client that left before the stream started", async () => {
    const { server, port, handled } = await slowStreamServer(realtime, 200)
    try {
      await Promise.all([1, 2, 3].map(() => requestAndHangUp(port)))
      while (handled.length < 3) {
        await tick(10)
      }
      await Promise.all(handled)
      await tick(50)
      expect(realtime.stats()).toMatchObject({
        listeners: 0,
        streams: 0,
        timers: 0,
      })
    } finally {
      server.close()
    }
  })

  it("ends the response when the module ends the stream, and releases it", async () => {
    let endStream: (() => void) | undefined
    const openStream = realtime.openStream.bind(realtime)
    jest.spyOn(realtime, "openStream").mockImplementation((channel, input) => {
      endStream = input.end
      return openStream(channel, input)
    })
    const { server, port, handled } = await slowStreamServer(realtime)
    try {
      const body = await new Promise<string>((resolve, reject) => {
        let text = ""
        const request = http.get(
          { host: "127.0.0.1", port, path: "/" },
          (res) => {
            res.setEncoding("utf8")
            res.on("data", (chunk: string) => {
              text += chunk
              if (text.includes("id: ")) {
                endStream?.()
              }
            })
            res.on("end", () => resolve(text))
          }
        )
        request.on("error", reject)
      })
      // A fresh channel's stream starts with an id to replay after.
      expect(body).toEqual(`retry: ${RETRY_MS}\n\nid: 0-0\n\n`)
      await Promise.all(handled)
      expect(realtime.stats()).toMatchObject({
        listeners: 0,
        streams: 0,
        timers: 0,
      })
    } finally {
      jest.restoreAllMocks()
      server.close()
    }
  })

  it("releases the stream when a connected client goes away", async () => {
    const { server, port, handled } = await slowStreamServer(realtime)
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const request = http.get(
          { host: "127.0.0.1", port, path: "/" },
          (res) => {
            res.setEncoding("utf8")
            res.once("data", (chunk: string) => {
              request.destroy()
              resolve(chunk)
            })
          }
        )
        request.on("error", reject)
      })
      expect(body).toContain("retry: ")
      await Promise.all(handled)
      for (let i = 0; i < 100 && realtime.stats().streams > 0; i++) {
        await tick(10)
      }
      expect(realtime.stats()).toMatchObject({
        listeners: 0,
        streams: 0,
        timers: 0,
      })
    } finally {
      server.close()
    }
  })

  it("keeps proxies and compression from holding events back", () => {
    expect(EVENT_STREAM_HEADERS["Cache-Control"]).toContain("no-transform")
  })

  it("drops the connection of a client that stopped reading, not only the stream", async () => {
    const { server, port } = await slowStreamServer(realtime)
    const client = net.connect(port, "127.0.0.1")
    client.on("error", () => {})
    const connections = () =>
      new Promise<number>((resolve, reject) =>
        server.getConnections((error, count) =>
          error ? reject(error) : resolve(count)
        )
      )
    try {
      await new Promise((resolve) => client.once("connect", resolve))
      client.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
      client.once("data", () => client.pause())
      for (let i = 0; i < 100 && !realtime.stats().streams; i++) {
        await tick(10)
      }
      expect(realtime.stats().streams).toBe(1)

      // Far more than the socket buffers take, so the response queues it.
      const payload = { text: "x".repeat(64 * 1024) }
      for (let n = 0; n < 400 && realtime.stats().streams; n++) {
        await realtime.publish("admin", "big", payload)
        await tick(1)
      }

      expect(realtime.stats()).toMatchObject({ streams: 0, timers: 0 })
      for (let i = 0; i < 100 && (await connections()); i++) {
        await tick(20)
      }
      expect(await connections()).toBe(0)
    } finally {
      client.destroy()
      server.close()
    }
  }, 20_000)
})
