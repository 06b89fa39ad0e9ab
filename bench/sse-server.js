/**
 * One SSE server for bench/sse.js, run as a child process so its memory is
 * measured alone. `node bench/sse-server.js <bare|memory|redis>` listens on
 * 127.0.0.1 and talks to its parent over IPC:
 *   - bare: plain Node http, one Set of responses, a loop of `res.write`;
 *   - framed: the same, but each event is framed as one HTTP chunk once and
 *     that buffer written to every socket (what the realtime module does);
 *   - memory: the realtime module without Redis and its sendEventStream;
 *   - redis: the same with Redis Pub/Sub, so the parent publishes from
 *     another module instance and events cross Redis to reach this one.
 */
const http = require("http")
const path = require("path")

const MODE = process.argv[2]
const CHANNEL = "admin"

function bareServer(framed) {
  const { chunkFrame } = framed ? realtimeModule() : {}
  const clients = new Set()
  const server = http.createServer((req, res) => {
    res.writeHead(200, {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
    })
    res.write("retry: 3000\n\n")
    clients.add(res)
    req.on("close", () => clients.delete(res))
  })
  let id = 0
  return {
    server,
    streams: () => clients.size,
    publish: async (data) => {
      const chunk = `id: ${++id}\nevent: bench\ndata: ${JSON.stringify(data)}\n\n`
      if (framed) {
        const frame = chunkFrame(Buffer.from(chunk))
        for (const res of clients) {
          res.socket.write(frame)
        }
        return
      }
      for (const res of clients) {
        res.write(chunk)
      }
    },
    close: async () => undefined,
  }
}

function realtimeModule() {
  require("ts-node").register({ transpileOnly: true })
  return require(path.join(__dirname, "..", "src", "modules", "realtime"))
}

function realtimeServer(redisUrl) {
  const { RealtimeModuleService, sendEventStream } = realtimeModule()
  const realtime = new RealtimeModuleService(
    {},
    { redisUrl, prefix: process.env.BENCH_SSE_PREFIX }
  )
  const server = http.createServer((req, res) => {
    void sendEventStream(req, res, realtime, CHANNEL)
  })
  return {
    server,
    streams: () => realtime.stats().streams,
    publish: async (data) => {
      await realtime.publish(CHANNEL, "bench", data)
    },
    close: () => realtime.close(),
  }
}

async function main() {
  const target =
    MODE === "bare" || MODE === "framed"
      ? bareServer(MODE === "framed")
      : realtimeServer(MODE === "redis" ? process.env.BENCH_REDIS_URL : null)
  target.server.maxConnections = 50_000
  await new Promise((resolve) => target.server.listen(0, "127.0.0.1", resolve))

  process.on("message", async (message) => {
    if (message.cmd === "stats") {
      global.gc?.()
      const { rss, heapUsed } = process.memoryUsage()
      process.send({ streams: target.streams(), rss, heapUsed })
    } else if (message.cmd === "publish") {
      await target.publish(message.data)
      process.send({ published: true })
    } else if (message.cmd === "stop") {
      target.server.closeAllConnections()
      target.server.close()
      await target.close()
      process.exit(0)
    }
  })
  process.send({ port: target.server.address().port })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
