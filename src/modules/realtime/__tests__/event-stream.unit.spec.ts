import http from "http"
import net, { type AddressInfo } from "net"
import { RETRY_MS, sendEventStream } from "../http/event-stream"
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
})
