#!/usr/bin/env node
/**
 * `npm run bench:sse`: how many SSE connections one instance holds, the
 * memory each costs and how fast a broadcast reaches all of them, for
 *   - bare: a plain Node http SSE server (the floor),
 *   - realtime (memory): our realtime module and sendEventStream, no Redis,
 *   - realtime (redis): the same, with events published by another module
 *     instance and fanned out over Redis Pub/Sub.
 * Each server runs in its own child process on 127.0.0.1; this process
 * opens BENCH_SSE_CONNECTIONS (2000) streams to it, then publishes
 * BENCH_SSE_MESSAGES (20) events BENCH_SSE_INTERVAL_MS (100) apart.
 * Latency is the time from publish to receipt, over every connection and
 * message. The Medusa HTTP stack (auth, middlewares) is not in the path: it
 * costs once per connection, not per event.
 */
const { fork } = require("child_process")
const http = require("http")
const path = require("path")

const CONNECTIONS = Math.min(
  Number(process.env.BENCH_SSE_CONNECTIONS || 2000),
  8000
)
const MESSAGES = Number(process.env.BENCH_SSE_MESSAGES || 20)
const INTERVAL_MS = Number(process.env.BENCH_SSE_INTERVAL_MS || 100)
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379"
const PREFIX = `bench-sse-${process.pid}-${Date.now()}:`
const HOST = "127.0.0.1"

const now = () => performance.timeOrigin + performance.now()

function startServer(mode) {
  const child = fork(path.join(__dirname, "sse-server.js"), [mode], {
    execArgv: ["--expose-gc"],
    env: {
      ...process.env,
      BENCH_REDIS_URL: REDIS_URL,
      BENCH_SSE_PREFIX: PREFIX,
    },
  })
  const ask = (message) =>
    new Promise((resolve) => {
      child.once("message", resolve)
      if (message) {
        child.send(message)
      }
    })
  return { child, ask }
}

/** Opens one stream; resolves once the retry hint arrives. */
function connect(port, latencies) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: HOST, port, path: "/sse", agent: false },
      (res) => {
        let buffer = ""
        res.setEncoding("utf8")
        res.on("data", (chunk) => {
          buffer += chunk
          let end
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (block.startsWith("retry:")) {
              resolve(req)
            }
            const data = block
              .split("\n")
              .find((line) => line.startsWith("data: "))
            if (data) {
              latencies.push(now() - JSON.parse(data.slice(6)).t)
            }
          }
        })
      }
    )
    req.on("error", reject)
  })
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function run(mode) {
  const server = startServer(mode)
  const { port } = await server.ask()
  const before = await server.ask({ cmd: "stats" })

  const latencies = []
  const started = now()
  const requests = []
  for (let i = 0; i < CONNECTIONS; i += 100) {
    const batch = Math.min(100, CONNECTIONS - i)
    requests.push(
      ...(await Promise.all(
        Array.from({ length: batch }, () => connect(port, latencies))
      ))
    )
  }
  const connectMs = now() - started
  const held = await server.ask({ cmd: "stats" })

  let publisher = null
  if (mode === "redis") {
    require("ts-node").register({ transpileOnly: true })
    const { RealtimeModuleService } = require("../src/modules/realtime")
    publisher = new RealtimeModuleService(
      {},
      { redisUrl: REDIS_URL, prefix: PREFIX }
    )
  }
  for (let seq = 0; seq < MESSAGES; seq++) {
    const data = { t: now(), seq }
    if (publisher) {
      await publisher.publish("admin", "bench", data)
    } else {
      await server.ask({ cmd: "publish", data })
    }
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS))
  }
  const deadline = Date.now() + 10_000
  while (latencies.length < CONNECTIONS * MESSAGES && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  requests.forEach((req) => req.destroy())
  await new Promise((resolve) => setTimeout(resolve, 500))
  const after = await server.ask({ cmd: "stats" })
  await publisher?.close()
  server.child.send({ cmd: "stop" })
  await new Promise((resolve) => server.child.on("exit", resolve))

  const sorted = latencies.sort((a, b) => a - b)
  return {
    mode,
    held: held.streams,
    left: after.streams,
    connectMs,
    rssPerConn: (held.rss - before.rss) / CONNECTIONS,
    heapPerConn: (held.heapUsed - before.heapUsed) / CONNECTIONS,
    delivered: latencies.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  }
}

function printTable(rows) {
  const header = [
    "server",
    "held",
    "left after close",
    "connect s",
    "RSS KiB/conn",
    "heap KiB/conn",
    "delivered",
    "p50 ms",
    "p99 ms",
    "max ms",
  ]
  const lines = rows.map((row) => [
    row.mode,
    `${row.held}/${CONNECTIONS}`,
    String(row.left),
    (row.connectMs / 1000).toFixed(2),
    (row.rssPerConn / 1024).toFixed(1),
    (row.heapPerConn / 1024).toFixed(1),
    `${row.delivered}/${CONNECTIONS * MESSAGES}`,
    row.p50.toFixed(2),
    row.p99.toFixed(2),
    row.max.toFixed(2),
  ])
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i].length))
  )
  const format = (cells) =>
    cells.map((cell, i) => cell.padEnd(widths[i])).join("  ")
  console.log(format(header))
  console.log(widths.map((width) => "-".repeat(width)).join("  "))
  lines.forEach((line) => console.log(format(line)))
}

async function main() {
  console.log(
    `bench: ${CONNECTIONS} SSE connections on ${HOST}, ${MESSAGES} broadcasts ${INTERVAL_MS} ms apart\n`
  )
  const rows = []
  for (const mode of ["bare", "memory", "redis"]) {
    rows.push(await run(mode))
  }
  printTable(rows)
  const { Redis } = require("ioredis")
  const redis = new Redis(REDIS_URL)
  const keys = await redis.keys(`${PREFIX}*`)
  if (keys.length) {
    await redis.del(...keys)
  }
  await redis.quit()
}

main().catch((error) => {
  console.error(`bench: ${error.message}`)
  process.exit(1)
})
