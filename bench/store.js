#!/usr/bin/env node
/**
 * `npm run bench:store`: builds the production server, runs it on a fresh
 * PostgreSQL database with Redis, seeds the bakery catalog and drives each
 * route in bench/routes.js with autocannon (10 connections, 10 s, median of
 * BENCH_RUNS runs), printing req/s and p50/p99 beside the /health baseline.
 */
const net = require("net")
const { Client } = require("pg")
const routes = require("./routes")
const { measure, summarise } = require("./lib/measure")
const {
  buildServer,
  createDatabase,
  dropDatabase,
  startServer,
  ROOT,
} = require("./lib/server")
const { runMedusa } = require("../scripts/lib/medusa-cli")

const ADMIN_DB_URL =
  process.env.BENCH_DATABASE_URL ||
  "postgres://postgres@localhost:5432/postgres"
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379"
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const DURATION = Number(process.env.BENCH_DURATION || 10)
const RUNS = Number(process.env.BENCH_RUNS || 3)

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function publishableKey(url) {
  const client = new Client({ connectionString: url })
  await client.connect()
  const { rows } = await client.query(
    "SELECT token FROM api_key WHERE type = 'publishable' AND title = 'Klelite Storefront' AND revoked_at IS NULL LIMIT 1"
  )
  await client.end()
  return rows[0].token
}

/** Logs the seeded demo customer in for the routes that need one. */
async function customerLogin(port) {
  const response = await fetch(
    `http://localhost:${port}/auth/customer/emailpass`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        email: "demo@klelite.local",
        password: "klelite-demo",
      }),
    }
  )
  if (!response.ok) {
    throw new Error(`demo customer login failed: ${response.status}`)
  }
  return (await response.json()).token
}

async function main() {
  const dbName = `klelite_bench_${Date.now()}`
  const databaseUrl = createDatabase(ADMIN_DB_URL, dbName)
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: `${dbName}:`,
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  let server
  try {
    console.log("bench: building the production server")
    await buildServer(env)
    console.log("bench: migrating and seeding", dbName)
    await runMedusa(["db:migrate"], { cwd: ROOT, env })
    await runMedusa(["exec", "./src/scripts/seed.ts"], { cwd: ROOT, env })
    const key = await publishableKey(databaseUrl)

    const port = await freePort()
    server = await startServer(env, port)
    const customerToken = await customerLogin(port)
    console.log(
      `bench: ${CONNECTIONS} connections, ${DURATION} s a run, median of ${RUNS} runs\n`
    )

    const rows = []
    for (const route of routes) {
      const headers = {
        ...(route.store ? { "x-publishable-api-key": key } : {}),
        ...(route.customer ? { authorization: `Bearer ${customerToken}` } : {}),
      }
      const url = `http://localhost:${port}${route.path}`
      await measure({ url, headers, connections: CONNECTIONS, duration: 2 })
      const runs = []
      for (let i = 0; i < RUNS; i++) {
        runs.push(
          await measure({
            url,
            headers,
            connections: CONNECTIONS,
            duration: DURATION,
          })
        )
      }
      rows.push({ route: route.name, ...summarise(runs) })
    }
    printTable(rows)
  } finally {
    if (server) {
      server.kill("SIGTERM")
      await new Promise((resolve) => server.on("exit", resolve))
    }
    dropDatabase(ADMIN_DB_URL, dbName)
  }
}

function printTable(rows) {
  const baseline = rows[0].rps
  const header = [
    "route",
    "req/s",
    "vs baseline",
    "p50 ms",
    "p99 ms",
    "errors",
    "non-2xx",
  ]
  const lines = rows.map((row) => [
    row.route,
    row.rps.toFixed(0),
    `${((row.rps / baseline) * 100).toFixed(1)}%`,
    String(row.p50),
    String(row.p99),
    String(row.errors),
    String(row.non2xx),
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

main().catch((error) => {
  console.error(`bench: ${error.message}`)
  process.exit(1)
})
