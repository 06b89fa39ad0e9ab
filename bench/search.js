#!/usr/bin/env node
/**
 * `npm run bench:search`: builds the production server, seeds the bakery and
 * a generated catalog of BENCH_SEARCH_PRODUCTS products (10,000 by default)
 * on a fresh PostgreSQL database, measures the bulk indexing paths (a full
 * rebuild and a batch update, documents/s), then drives autocomplete and
 * full search with autocannon (10 connections, BENCH_DURATION seconds a run,
 * BENCH_ROUNDS rounds, each round with GET /health beside it) and prints the
 * median req/s, p50 and p95 of the rounds: with our typo path (autocomplete
 * answers reused for a few seconds, and without that reuse), then with the
 * stock PostgreSQL provider's (SEARCH_FUZZY=false).
 *
 * The first autocomplete row cycles through every keystroke of a list of
 * words and phrases (typos included), so most of its queries are new; with
 * answers reused a keystroke repeated within a few seconds is answered from
 * memory, without reuse (SEARCH_AUTOCOMPLETE_CACHE_MS=0) every one is a search.
 *
 * Re-runs: BENCH_SEARCH_DATABASE_URL reuses a database seeded earlier
 * (BENCH_SEARCH_KEEP_DATABASE=1 keeps the one a run seeds and prints its URL),
 * BENCH_SKIP_BUILD=1 reuses the current .medusa/server build,
 * BENCH_SEARCH_INDEXING=0 leaves the indexing figures out,
 * BENCH_SEARCH_ONLY=<text> measures only the routes whose name holds it,
 * BENCH_SEARCH_STOCK=0 leaves the stock provider's server out, and
 * BENCH_SEARCH_ROUTES=0 leaves the routes out (no build, no server): an
 * indexing-only run, e.g. `BENCH_SEARCH_PRODUCTS=2000 BENCH_SEARCH_ROUTES=0`.
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
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3)
const INDEXING_BATCH = Number(process.env.BENCH_SEARCH_BATCH || 2000)
const INDEXING_PREFIX = "search-bench-indexing:"
const ROUTES_MEASURED = process.env.BENCH_SEARCH_ROUTES !== "0"

const search = (body) => ({
  method: "POST",
  path: "/store/search",
  body: JSON.stringify({ entity: "product", ...body }),
})

/**
 * What shoppers type into the search box, one keystroke at a time: each word
 * or phrase contributes every prefix from two letters on, typos included.
 */
const TYPED = [
  "chocolat",
  "croissant",
  "croisant",
  "pistache",
  "pistchio",
  "framboise",
  "frambois",
  "amande",
  "noisette",
  "vanille",
  "vanila",
  "caramel",
  "carmel",
  "citron",
  "praline",
  "macaron",
  "macarron",
  "tarte citron",
  "tartelette fraise",
  "financier amande",
  "madeleine miel",
  "eclair cafe",
  "brioche",
  "briosh",
  "levain seigle",
  "gateau chocolat",
  "cookie noisette",
  "sable beurre",
  "entremets mangue",
  "chausson pomme",
  "yuzu",
  "rhubarbe",
  "rubarb",
  "myrtille",
  "cassis",
  "sarrasin",
  "gluten free",
  "vegan",
]

/** Every keystroke of `TYPED`, in typing order: about 300 distinct queries. */
const KEYSTROKES = TYPED.flatMap((text) =>
  Array.from({ length: text.length - 1 }, (_, i) => text.slice(0, i + 2))
).filter((q) => !q.endsWith(" "))

const autocompletePath = (q) =>
  `/store/search/autocomplete?q=${encodeURIComponent(q)}`

/** The requests measured; GET /health runs beside every round. */
const ROUTES = [
  { name: "GET /health (baseline)", path: "/health", health: true },
  {
    name: `autocomplete, ${KEYSTROKES.length} keystrokes cycled`,
    path: autocompletePath(KEYSTROKES[0]),
    paths: KEYSTROKES.map(autocompletePath),
    autocomplete: true,
  },
  {
    name: "autocomplete, prefix (q=choc)",
    path: "/store/search/autocomplete?q=choc",
    autocomplete: true,
  },
  {
    name: "autocomplete, two letters (q=ma)",
    path: "/store/search/autocomplete?q=ma",
    autocomplete: true,
  },
  {
    name: "autocomplete, typo (q=croisant)",
    path: "/store/search/autocomplete?q=croisant",
    autocomplete: true,
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

/** Sends the route's paths in turn, across all connections. */
function nextPath(route) {
  let next = 0
  return (request) => {
    const path = route.paths[next]
    next = (next + 1) % route.paths.length
    return { ...request, path }
  }
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
        ...(route.paths
          ? { requests: [{ setupRequest: nextPath(route) }] }
          : {}),
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

function median(values) {
  const sorted = [...values].sort((x, y) => x - y)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Runs every route `ROUNDS` times on one server, GET /health first in each
 * round, and keeps the median of each figure.
 */
async function measureServer(env, label, key, routes) {
  const port = await freePort()
  const server = await startServer(env, port)
  const url = `http://localhost:${port}`
  const headers = { "x-publishable-api-key": key }
  const runs = new Map(routes.map((route) => [route, []]))
  const seen = new Map()
  const health = ROUTES.find((route) => route.health)
  const healthRuns = []
  try {
    for (const route of routes) {
      seen.set(route, await sample(url, route, headers))
      await measure({ url, route, headers, duration: 2 })
      console.log(
        `bench: ${label.padEnd(12)} ${route.name}: ${seen.get(route)}`
      )
    }
    for (let round = 1; round <= ROUNDS; round++) {
      healthRuns.push(
        await measure({ url, route: health, headers, duration: DURATION })
      )
      for (const route of routes) {
        if (!route.health) {
          runs
            .get(route)
            .push(await measure({ url, route, headers, duration: DURATION }))
        }
      }
      console.log(`bench: ${label} round ${round}/${ROUNDS} done`)
    }
  } finally {
    server.kill("SIGTERM")
    await new Promise((resolve) => server.on("exit", resolve))
  }
  const summarise = (name, list, autocomplete) => ({
    route: name,
    typo:
      autocomplete && env.SEARCH_AUTOCOMPLETE_CACHE_MS !== "0"
        ? `${label}, answers reused`
        : label,
    rps: median(list.map((run) => run.rps)),
    p50: median(list.map((run) => run.p50)),
    p95: median(list.map((run) => run.p95)),
    errors: list.reduce((sum, run) => sum + run.errors, 0),
    non2xx: list.reduce((sum, run) => sum + run.non2xx, 0),
  })
  return [
    summarise(`${health.name} [${label}]`, healthRuns),
    ...routes
      .filter((route) => !route.health)
      .map((route) =>
        summarise(route.name, runs.get(route), route.autocomplete)
      ),
  ]
}

/** Times a full rebuild and a batch update of the product index. */
async function measureIndexing(env) {
  const output = await runMedusa(
    ["exec", "./src/scripts/search-bench-indexing.ts", String(INDEXING_BATCH)],
    { cwd: ROOT, env }
  )
  const line = output
    .split("\n")
    .find((text) => text.startsWith(INDEXING_PREFIX))
  if (!line) {
    throw new Error(`No indexing figures in:\n${output.slice(-2000)}`)
  }
  const { rebuild, batch } = JSON.parse(line.slice(INDEXING_PREFIX.length))
  const rate = ({ documents, seconds }) => Math.round(documents / seconds)
  console.log(
    `bench: indexing, full rebuild (swap): ${rebuild.documents} documents in ${rebuild.seconds.toFixed(1)} s = ${rate(rebuild)} documents/s`
  )
  console.log(
    `bench: indexing, batch update (in place): ${batch.documents} documents in ${batch.seconds.toFixed(1)} s = ${rate(batch)} documents/s`
  )
  return { rebuild: rate(rebuild), batch: rate(batch) }
}

function printIndexing(indexing) {
  console.log(
    `\nindexing: full rebuild ${indexing.rebuild} documents/s, batch update ${indexing.batch} documents/s`
  )
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

/**
 * A fresh database seeded for the run, or, with BENCH_SEARCH_DATABASE_URL,
 * one seeded, migrated and indexed by an earlier run and kept.
 */
async function prepareDatabase() {
  if (process.env.BENCH_SEARCH_DATABASE_URL) {
    return { url: process.env.BENCH_SEARCH_DATABASE_URL, fresh: false }
  }
  const name = `klelite_search_bench_${Date.now()}`
  return { url: createDatabase(ADMIN_DB_URL, name), name, fresh: true }
}

async function main() {
  const database = await prepareDatabase()
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  // In-process events and no Meilisearch: the PostgreSQL providers alone.
  delete env.REDIS_URL
  delete env.MEILISEARCH_HOST
  const started = Date.now()
  try {
    if (!ROUTES_MEASURED) {
      console.log("bench: indexing only, no build")
    } else if (process.env.BENCH_SKIP_BUILD === "1") {
      console.log("bench: reusing the current production build")
    } else {
      console.log("bench: building the production server")
      await buildServer(env)
    }
    if (database.fresh) {
      await runMedusa(["db:migrate"], { cwd: ROOT, env })
      console.log(`bench: seeding ${database.name}`)
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
    }
    const indexing =
      process.env.BENCH_SEARCH_INDEXING === "0"
        ? undefined
        : await measureIndexing(env)
    if (!ROUTES_MEASURED) {
      if (indexing) {
        printIndexing(indexing)
      }
      return
    }
    const key = await publishableKey(database.url)
    console.log(
      `bench: ${CONNECTIONS} connections, ${DURATION} s a run, ${ROUNDS} rounds (medians below)`
    )
    const only = process.env.BENCH_SEARCH_ONLY
    const searchRoutes = ROUTES.filter(
      (route) => !route.health && (!only || route.name.includes(only))
    )
    const ours = await measureServer(env, "ours", key, [
      ROUTES[0],
      ...searchRoutes,
    ])
    const uncached = await measureServer(
      { ...env, SEARCH_AUTOCOMPLETE_CACHE_MS: "0" },
      "ours, no reuse",
      key,
      searchRoutes.filter((route) => route.autocomplete)
    )
    const stock =
      process.env.BENCH_SEARCH_STOCK === "0"
        ? []
        : await measureServer(
            {
              ...env,
              SEARCH_FUZZY: "false",
              SEARCH_AUTOCOMPLETE_CACHE_MS: "0",
            },
            "stock",
            key,
            searchRoutes
          )
    // Every keystroke is a new query: no reuse is the honest figure.
    const rowsFor = (name) =>
      [uncached, ours, stock].flatMap((rows) =>
        rows.filter((row) => row.route === name)
      )
    printTable([
      ours[0],
      uncached[0],
      ...stock.slice(0, 1),
      ...searchRoutes.flatMap((route) => rowsFor(route.name)),
    ])
    if (indexing) {
      printIndexing(indexing)
    }
    console.log(
      `\nbench: done in ${Math.round((Date.now() - started) / 1000)} s`
    )
  } finally {
    if (database.fresh && process.env.BENCH_SEARCH_KEEP_DATABASE === "1") {
      console.log(`bench: kept the database: ${database.url}`)
    } else if (database.fresh) {
      dropDatabase(ADMIN_DB_URL, database.name)
    }
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`)
  process.exit(1)
})
