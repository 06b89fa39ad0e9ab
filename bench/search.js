#!/usr/bin/env node
/**
 * `npm run bench:search`: builds the production server, seeds the bakery and
 * a generated catalog of BENCH_SEARCH_PRODUCTS products (10,000 by default)
 * on a fresh PostgreSQL database, then drives autocomplete and full search
 * with autocannon (10 connections, BENCH_DURATION seconds each) and prints
 * req/s, p50 and p95 beside GET /health: first with our vocabulary-backed
 * typo path, then with the stock PostgreSQL provider's (SEARCH_FUZZY=false).
 */
const autocannon = require("autocannon")
const net = require("net")
const { Client } = require("pg")
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
const PRODUCTS = Number(process.env.BENCH_SEARCH_PRODUCTS || 10000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const DURATION = Number(process.env.BENCH_DURATION || 10)

const search = (body) => ({
  method: "POST",
  path: "/store/search",
  body: JSON.stringify({ entity: "product", ...body }),
})

/** The requests measured, each against both typo paths unless `once`. */
const ROUTES = [
  { name: "GET /health (baseline)", path: "/health", once: true },
  {
    name: "autocomplete, prefix (q=choc)",
    path: "/store/search/autocomplete?q=choc",
  },
  {
    name: "autocomplete, typo (q=croisant)",
    path: "/store/search/autocomplete?q=croisant",
  },
  {
    name: "search, text + filter + 2 facets",
    ...search({
      filters: { q: "pistache", dietary: "vegetarian" },
      pagination: { take: 20 },
      search_options: {
        facets: [
          "categories",
          {
            field: "price_eur",
            type: "range",
            ranges: [{ to: 20 }, { from: 20, to: 50 }, { from: 50 }],
          },
        ],
      },
    }),
  },
  {
    name: "search, typo tolerant (croisant pistchio)",
    ...search({
      filters: { q: "croisant pistchio" },
      pagination: { take: 20 },
      search_options: { typo_tolerance: true },
    }),
  },
]

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
    "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL LIMIT 1"
  )
  await client.end()
  return rows[0].token
}

function percentile(sorted, p) {
  if (!sorted.length) {
    return NaN
  }
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ]
}

/** One autocannon run, keeping every response time for exact percentiles. */
function measure({ url, route, headers, duration }) {
  return new Promise((resolve, reject) => {
    const times = []
    const instance = autocannon(
      {
        url: `${url}${route.path}`,
        method: route.method || "GET",
        body: route.body,
        headers: {
          ...headers,
          ...(route.body ? { "content-type": "application/json" } : {}),
        },
        connections: CONNECTIONS,
        duration,
      },
      (error, result) => {
        if (error) {
          return reject(error)
        }
        times.sort((a, b) => a - b)
        resolve({
          rps: result.requests.average,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        })
      }
    )
    instance.on("response", (_client, _status, _bytes, time) =>
      times.push(time)
    )
  })
}

/** What a route answers once, so the figures come with their results. */
async function sample(url, route, headers) {
  const response = await fetch(`${url}${route.path}`, {
    method: route.method || "GET",
    body: route.body,
    headers: { ...headers, "content-type": "application/json" },
  })
  const body = await response.json().catch(() => ({}))
  const result = body.results?.[0]
  const titles = result
    ? result.hits.map((hit) => hit.document.title)
    : body.products?.map((product) => product.title)
  const count = result ? result.metadata.count : titles?.length
  return titles
    ? `${count} hits, first: ${titles.slice(0, 2).join(" | ") || "-"}`
    : `status ${response.status}`
}

async function measureServer(env, label, key, routes) {
  const port = await freePort()
  const server = await startServer(env, port)
  const url = `http://localhost:${port}`
  const headers = { "x-publishable-api-key": key }
  const rows = []
  try {
    for (const route of routes) {
      const seen = await sample(url, route, headers)
      await measure({ url, route, headers, duration: 2 })
      const figures = await measure({ url, route, headers, duration: DURATION })
      rows.push({ route: route.name, typo: label, ...figures, seen })
      console.log(`bench: ${label.padEnd(10)} ${route.name}: ${seen}`)
    }
  } finally {
    server.kill("SIGTERM")
    await new Promise((resolve) => server.on("exit", resolve))
  }
  return rows
}

function printTable(rows) {
  const header = [
    "route",
    "typo path",
    "req/s",
    "p50 ms",
    "p95 ms",
    "errors",
    "non-2xx",
  ]
  const lines = rows.map((row) => [
    row.route,
    row.typo,
    row.rps.toFixed(0),
    row.p50.toFixed(1),
    row.p95.toFixed(1),
    String(row.errors),
    String(row.non2xx),
  ])
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i].length))
  )
  const format = (cells) =>
    cells.map((cell, i) => cell.padEnd(widths[i])).join("  ")
  console.log(`\n${format(header)}`)
  console.log(widths.map((width) => "-".repeat(width)).join("  "))
  lines.forEach((line) => console.log(format(line)))
}

async function main() {
  const dbName = `klelite_search_bench_${Date.now()}`
  const databaseUrl = createDatabase(ADMIN_DB_URL, dbName)
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  // In-process events and no Meilisearch: the PostgreSQL providers alone.
  delete env.REDIS_URL
  delete env.MEILISEARCH_HOST
  const started = Date.now()
  try {
    console.log("bench: building the production server")
    await buildServer(env)
    console.log(`bench: migrating and seeding ${dbName}`)
    await runMedusa(["db:migrate"], { cwd: ROOT, env })
    await runMedusa(["exec", "./src/scripts/seed.ts"], { cwd: ROOT, env })
    console.log(`bench: generating ${PRODUCTS} products and indexing them`)
    const catalogStarted = Date.now()
    await runMedusa(
      ["exec", "./src/scripts/search-bench-catalog.ts", String(PRODUCTS)],
      { cwd: ROOT, env }
    )
    console.log(
      `bench: catalog and index ready in ${Math.round((Date.now() - catalogStarted) / 1000)} s`
    )
    const key = await publishableKey(databaseUrl)
    console.log(`bench: ${CONNECTIONS} connections, ${DURATION} s a route`)
    const ours = await measureServer(env, "vocabulary", key, ROUTES)
    const stock = await measureServer(
      { ...env, SEARCH_FUZZY: "false" },
      "stock",
      key,
      ROUTES.filter((route) => !route.once)
    )
    printTable([ours[0], ...ours.slice(1).flatMap((row, i) => [row, stock[i]])])
    console.log(
      `\nbench: done in ${Math.round((Date.now() - started) / 1000)} s`
    )
  } finally {
    dropDatabase(ADMIN_DB_URL, dbName)
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`)
  process.exit(1)
})
