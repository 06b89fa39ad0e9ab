import http from "http"
import type { AddressInfo } from "net"
import { chunkedSocketWriter, chunkFrame } from "../http/chunked-socket-writer"

/** Serves one chunked response written by `respond`, read by Node's own client. */
async function roundTrip(
  respond: (res: http.ServerResponse) => void
): Promise<{ body: string; headers: http.IncomingHttpHeaders }> {
  const server = http.createServer((_req, res) => respond(res))
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  try {
    return await new Promise((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/" }, (res) => {
          let body = ""
          res.setEncoding("utf8")
          res.on("data", (chunk) => (body += chunk))
          res.on("end", () => resolve({ body, headers: res.headers }))
          res.on("error", reject)
        })
        .on("error", reject)
    })
  } finally {
    server.close()
  }
}

describe("chunkedSocketWriter", () => {
  it("frames a buffer once, whatever the number of connections writing it", () => {
    const event = Buffer.from("id: 1\ndata: {}\n\n")
    const frame = chunkFrame(event)
    expect(frame.toString()).toBe(
      `${event.length.toString(16)}\r\n${event}\r\n`
    )
    expect(chunkFrame(event)).toBe(frame)
  })

  it("writes frames an HTTP client decodes as the same stream, ending cleanly", async () => {
    const events = ["id: 1\ndata: a\n\n", "id: 2\ndata: é\n\n", ": beat\n\n"]
    const buffers = events.map((event) => Buffer.from(event))
    const framesWritten: unknown[] = []
    const { body, headers } = await roundTrip((res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" })
      res.write("retry: 3000\n\n")
      const socket = res.socket!
      const socketWrite = socket.write.bind(socket)
      socket.write = ((data: unknown, ...rest: never[]) => {
        framesWritten.push(data)
        return socketWrite(data as Buffer, ...rest)
      }) as typeof socket.write
      const write = chunkedSocketWriter(res)
      buffers.forEach((buffer) => write(buffer))
      write("event: error\ndata: {}\n\n")
      res.end()
    })
    expect(headers["transfer-encoding"]).toBe("chunked")
    // Each buffer went to the socket as its one ready-made frame.
    buffers.forEach((buffer) =>
      expect(framesWritten).toContain(chunkFrame(buffer))
    )
    expect(body).toBe(
      ["retry: 3000\n\n", ...events, "event: error\ndata: {}\n\n"].join("")
    )
  })

  it("writes through the response before its headers are sent and when a middleware wraps write", async () => {
    const seen: string[] = []
    const { body } = await roundTrip((res) => {
      res.setHeader("Content-Type", "text/event-stream")
      const original = res.write.bind(res)
      const write = chunkedSocketWriter(res)
      // Headers not sent yet: the response has to write them first.
      write(Buffer.from("retry: 3000\n\n"))
      res.write = ((chunk: Buffer, ...rest: never[]) => {
        seen.push(chunk.toString())
        return original(chunk, ...rest)
      }) as typeof res.write
      write(Buffer.from("id: 1\ndata: a\n\n"))
      res.end()
    })
    expect(body).toBe("retry: 3000\n\nid: 1\ndata: a\n\n")
    expect(seen).toEqual(["id: 1\ndata: a\n\n"])
  })
})
