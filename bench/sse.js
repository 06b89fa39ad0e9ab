#!/usr/bin/env node
/**
 * `npm run bench:sse`: how many SSE connections one instance holds, the
 * memory each costs and how fast a broadcast reaches all of them, for
 *   - bare: a plain Node http SSE server that writes each event to every
 *     response in a loop (`res.write`),
 *   - framed: the same loop writing one ready-made HTTP chunk per event
 *     straight to each socket (the ceiling),
 *   - memory: our realtime module and sendEventStream, no Redis,
 *   - redis: the same, with events published by another module instance
 *     and fanned out over Redis Pub/Sub.
 * Each server runs alone in a child process on 127.0.0.1. The clients run
 * in BENCH_SSE_CLIENTS (2) other child processes: one machine cannot hold
 * 10,000 client and 10,000 server sockets under one 20,000-descriptor limit,
 * and client parsing would otherwise share the server's event loop.
 *
 * They open BENCH_SSE_CONNECTIONS (10000) streams; then BENCH_SSE_ROUNDS (5)
 * rounds each publish BENCH_SSE_MESSAGES (10) events BENCH_SSE_INTERVAL_MS
 * (250) apart, after BENCH_SSE_WARMUP_ROUNDS (1) uncounted rounds: the first
 * broadcasts over fresh sockets run cold code and take up to twice as long
 * in every mode, the ceilings included. Latency is from just before publish to receipt by a client;
 * "last client" is, per broadcast, the latency of the slowest connection.
 * Figures are medians over the rounds. The Medusa HTTP stack (auth,
 * middlewares) is not in the path: it costs once per connection, not per
 * event. Client and server share the machine's cores, so the figures
 * include the clients' own reading time.
 */
const { fork } = require("child_process")
const path = require("path")

const CONNECTIONS = Number(process.env.BENCH_SSE_CONNECTIONS || 10_000)
const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS || 2)
const ROUNDS = Number(process.env.BENCH_SSE_ROUNDS || 5)
const MESSAGES = Number(process.env.BENCH_SSE_MESSAGES || 10)
const INTERVAL_MS = Number(process.env.BENCH_SSE_INTERVAL_MS || 250)
const WARMUP_ROUNDS = Number(process.env.BENCH_SSE_WARMUP_ROUNDS || 1)
const MODES = (process.env.BENCH_SSE_MODES || "bare,framed,memory,redis").split(
  ","
)
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379"
const PREFIX = `bench-sse-${process.pid}-${Date.now()}:`

const now = () => performance.timeOrigin + performance.now()
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** A child process answering one message per request over IPC. */
function child(file, args, env = {}) {
  const proc = fork(path.join(__dirname, file), args, {
    execArgv: [
      "--expose-gc",
      ...(process.env.BENCH_SSE_CPU_PROF
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SSE_CPU_PROF}`]
        : []),
    ],
    env: { ...process.env, ...env },
  })
  const replies = []
  const waiting = []
  proc.on("message", (message) =>
    waiting.length ? waiting.shift()(message) : replies.push(message)
  )
  const next = () =>
    new Promise((resolve) =>
      replies.length ? resolve(replies.shift()) : waiting.push(resolve)
    )
  const ask = (message) => {
    proc.send(message)
    return next()
  }
  const exited = new Promise((resolve) => proc.on("exit", resolve))
  return { proc, ask, next, exited }
}

const percentile = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN
const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50
  )

function shares() {
  const base = Math.floor(CONNECTIONS / CLIENTS)
  return Array.from({ length: CLIENTS }, (_, i) =>
    i === CLIENTS - 1 ? CONNECTIONS - base * (CLIENTS - 1) : base
  )
}

async function run(mode, publisher) {
  const server = child("sse-server.js", [mode], {
    BENCH_REDIS_URL: REDIS_URL,
    BENCH_SSE_PREFIX: PREFIX,
  })
  const { port } = await server.next()
  const before = await server.ask({ cmd: "stats" })

  const clients = shares().map((count) =>
    child("sse-client.js", [String(port), String(count)])
  )
  await Promise.all(clients.map((client) => client.next()))
  const started = now()
  const connected = await Promise.all(
    clients.map((client) => client.ask({ cmd: "connect" }))
  )
  const connectMs = now() - started
  const held = await server.ask({ cmd: "stats" })

  const rounds = []
  for (let round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
    for (let seq = 0; seq < MESSAGES; seq++) {
      const data = { t: now(), seq }
      if (publisher) {
        await publisher.publish("admin", "bench", data)
      } else {
        await server.ask({ cmd: "publish", data })
      }
      await sleep(INTERVAL_MS)
    }
    await sleep(500)
    const figures = await collect(clients)
    if (round >= 0) {
      rounds.push(figures)
    }
  }

  await Promise.all(clients.map((client) => client.ask({ cmd: "close" })))
  await sleep(1000)
  const after = await server.ask({ cmd: "stats" })
  server.proc.send({ cmd: "stop" })
  await server.exited

  return {
    mode,
    connected: connected.reduce((sum, { connected: n }) => sum + n, 0),
    held: held.streams,
    left: after.streams,
    connectMs,
    rssPerConn: (held.rss - before.rss) / CONNECTIONS,
    heapPerConn: (held.heapUsed - before.heapUsed) / CONNECTIONS,
    delivered: median(rounds.map((r) => r.delivered)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    last: median(rounds.map((r) => r.last)),
    lastMax: Math.max(...rounds.map((r) => r.lastMax)),
    rounds,
  }
}

/** One round's figures, over every client process. */
async function collect(clients) {
  const bySeq = new Map()
  for (const { latencies } of await Promise.all(
    clients.map((client) => client.ask({ cmd: "collect" }))
  )) {
    for (const [seq, values] of Object.entries(latencies)) {
      bySeq.set(seq, (bySeq.get(seq) ?? []).concat(values))
    }
  }
  const all = [...bySeq.values()].flat().sort((a, b) => a - b)
  const lasts = [...bySeq.values()].map((values) => Math.max(...values))
  return {
    delivered: all.length,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    last: median(lasts),
    lastMax: Math.max(...lasts),
  }
}

function printTable(header, lines) {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i].length))
  )
  const format = (cells) =>
    cells.map((cell, i) => cell.padEnd(widths[i])).join("  ")
  console.log(format(header))
  console.log(widths.map((width) => "-".repeat(width)).join("  "))
  lines.forEach((line) => console.log(format(line)))
}

const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : "-")

function report(rows) {
  printTable(
    [
      "server",
      "held",
      "left after close",
      "connect s",
      "RSS KiB/conn",
      "heap KiB/conn",
      "delivered/round",
      "p50 ms",
      "p99 ms",
      "last client ms",
      "worst last ms",
    ],
    rows.map((row) => [
      row.mode,
      `${row.held}/${CONNECTIONS}`,
      String(row.left),
      (row.connectMs / 1000).toFixed(2),
      (row.rssPerConn / 1024).toFixed(1),
      (row.heapPerConn / 1024).toFixed(1),
      `${row.delivered}/${CONNECTIONS * MESSAGES}`,
      ms(row.p50),
      ms(row.p99),
      ms(row.last),
      ms(row.lastMax),
    ])
  )
  console.log("\nper round (p50 / p99 / last client, ms):")
  for (const row of rows) {
    const cells = row.rounds.map(
      (r) => `${ms(r.p50)} / ${ms(r.p99)} / ${ms(r.last)}`
    )
    console.log(`  ${row.mode.padEnd(7)} ${cells.join("   ")}`)
  }
}

async function main() {
  const { cpus, loadavg } = require("os")
  console.log(
    `bench: ${CONNECTIONS} SSE connections from ${CLIENTS} client processes, ` +
      `${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up) of ${MESSAGES} ` +
      `broadcasts ${INTERVAL_MS} ms apart; ` +
      `${cpus().length} cores, load ${loadavg()[0].toFixed(1)} at start\n`
  )
  let publisher = null
  const rows = []
  for (const mode of MODES) {
    if (mode === "redis" && !publisher) {
      require("ts-node").register({ transpileOnly: true })
      const { RealtimeModuleService } = require("../src/modules/realtime")
      publisher = new RealtimeModuleService(
        {},
        { redisUrl: REDIS_URL, prefix: PREFIX }
      )
    }
    rows.push(await run(mode, mode === "redis" ? publisher : null))
  }
  report(rows)
  console.log(`\nload ${loadavg()[0].toFixed(1)} at end`)
  await publisher?.close()
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
