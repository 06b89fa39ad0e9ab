#!/usr/bin/env node
/**
 * The HTTP part of `npm run bench:flash-sale` (or `node bench/flash-sale-http.js`
 * alone): runs the store from the project root (`medusa start`, TypeScript
 * compiled on load) on a fresh database, with Redis unless
 * BENCH_FLASH_SALE_HTTP_REDIS=0. Each of BENCH_ROUNDS (5) rounds times, in
 * alternating order and with the same client at the same concurrency
 * (BENCH_FLASH_SALE_HTTP_CONCURRENCY, 10 connections):
 *   - GET /health, BENCH_FLASH_SALE_HEALTH_REQUESTS (2000) requests;
 *   - POST /store/flash-sales/:id/reservations: BENCH_FLASH_SALE_SHOPPERS
 *     (100) registered shoppers, each reserving once on a fresh sale
 *     allocated for half of them, so admissions and sold-out refusals are
 *     both timed: once alone (the rush path), once straight into their cart
 *     on a second sale;
 *   - then, untimed against the others, the second step of reserving alone:
 *     POST /store/carts/:id/flash-sale-reservations for each admitted one.
 *   - two of Medusa's own store routes, as floors of what a route costs
 *     on this stack: GET /store/customers/me (authentication and one read)
 *     and POST /store/carts/:id/line-items (Medusa's add to cart, which
 *     reserving into a cart runs after taking the units), each shopper on a second
 *     cart of their own with another product.
 * Prints the medians of req/s and p50/p99 per route, the ratios to /health,
 * then the units oversold according to the
 * PostgreSQL rows and counters. BENCH_FLASH_SALE_CPU_PROF=<dir> writes a CPU profile of the
 * server there.
 */
const { spawn } = require("child_process")
const { performance } = require("perf_hooks")
const net = require("net")
const { Client } = require("pg")
const { Redis } = require("ioredis")
const { runConcurrently } = require("./lib/concurrency")
const { median } = require("./lib/measure")
const { createDatabase, dropDatabase, ROOT } = require("./lib/server")
const { runMedusa } = require("../scripts/lib/medusa-cli")

const ADMIN_DB_URL =
  process.env.BENCH_DATABASE_URL ||
  "postgres://postgres@localhost:5432/postgres"
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379"
const WITH_REDIS = process.env.BENCH_FLASH_SALE_HTTP_REDIS !== "0"
const SHOPPERS = Number(process.env.BENCH_FLASH_SALE_SHOPPERS || 100)
const CONCURRENCY = Number(process.env.BENCH_FLASH_SALE_HTTP_CONCURRENCY || 10)
const HEALTH_REQUESTS = Number(
  process.env.BENCH_FLASH_SALE_HEALTH_REQUESTS || 2000
)
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5)
const CPU_PROFILE_DIR = process.env.BENCH_FLASH_SALE_CPU_PROF

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** `medusa start` from the project root; resolves once /health answers. */
async function startServer(env, port) {
  const child = spawn(
    process.execPath,
    [
      ...(CPU_PROFILE_DIR
        ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROFILE_DIR}`]
        : []),
      require.resolve("@medusajs/cli/cli.js"),
      "start",
      "--port",
      String(port),
    ],
    {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    }
  )
  let output = ""
  const keep = (chunk) => (output = (output + chunk).slice(-5000))
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  const deadline = Date.now() + 180000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited while starting:\n${output}`)
    }
    try {
      if ((await fetch(`http://localhost:${port}/health`)).ok) {
        return child
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  child.kill("SIGKILL")
  throw new Error(`The server did not answer /health within 180 s:\n${output}`)
}

/** A small JSON client for one server. */
function client(port, publishableKey) {
  return async (method, path, { body, token } = {}) => {
    const response = await fetch(`http://localhost:${port}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": publishableKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await response.json().catch(() => ({}))
    if (!response.ok) {
      const error = new Error(`${method} ${path}: ${response.status}`)
      error.status = response.status
      error.data = data
      throw error
    }
    return data
  }
}

/** A registered shopper with two empty euro carts. */
async function newShopper(call, regionId, n) {
  const email = `bench-shopper-${n}@example.com`
  const password = "bench-pass"
  const { token: registration } = await call(
    "POST",
    "/auth/customer/emailpass/register",
    { body: { email, password } }
  )
  await call("POST", "/store/customers", {
    token: registration,
    body: { email, first_name: "Bench", last_name: `Shopper ${n}` },
  })
  const { token } = await call("POST", "/auth/customer/emailpass", {
    body: { email, password },
  })
  const newCart = async () =>
    (
      await call("POST", "/store/carts", {
        token,
        body: { region_id: regionId },
      })
    ).cart.id
  return { token, cartId: await newCart(), baselineCartId: await newCart() }
}

/** The `share` percentile of `values` (ms), or NaN when there are none. */
function percentile(values, share) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(Math.floor(share * sorted.length), sorted.length - 1)]
}

/** Units held beyond the allocation, from the rows and from the counters. */
async function oversoldUnits(databaseUrl, itemId) {
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  const { rows } = await db.query(
    `SELECT i.units_allocated, i.units_sold, i.units_reserved,
       (SELECT COALESCE(SUM(quantity), 0)::int FROM flash_sale_reservation r
        WHERE r.item_id = i.id AND r.status IN ('active', 'converted')) AS held
     FROM flash_sale_item i WHERE i.id = $1`,
    [itemId]
  )
  await db.end()
  const [item] = rows
  const counted = item.units_sold + item.units_reserved
  return {
    held: item.held,
    oversold:
      Math.max(counted - item.units_allocated, 0) +
      Math.max(item.held - item.units_allocated, 0) +
      Math.abs(item.held - counted),
  }
}

async function runHttpBench() {
  const dbName = `klelite_bench_flash_http_${Date.now()}`
  const databaseUrl = createDatabase(ADMIN_DB_URL, dbName)
  const prefix = `${dbName}:`
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ...(WITH_REDIS ? { REDIS_URL, REDIS_PREFIX: prefix } : {}),
    DISABLE_MEDUSA_ADMIN: "true",
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  if (!WITH_REDIS) {
    delete env.REDIS_URL
  }
  let server
  try {
    console.log(`\nbench: HTTP, migrating and seeding ${dbName}`)
    await runMedusa(["db:migrate"], { cwd: ROOT, env })
    await runMedusa(["exec", "./src/scripts/seed.ts"], { cwd: ROOT, env })
    const port = await freePort()
    server = await startServer(env, port)

    const db = new Client({ connectionString: databaseUrl })
    await db.connect()
    const {
      rows: [{ token: publishableKey }],
    } = await db.query(
      "SELECT token FROM api_key WHERE type = 'publishable' AND title = 'Klelite Storefront' AND revoked_at IS NULL LIMIT 1"
    )
    const firstVariantOf = async (handle) =>
      (
        await db.query(
          `SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id
           WHERE p.handle = $1 AND v.deleted_at IS NULL
           ORDER BY v.variant_rank, v.id LIMIT 1`,
          [handle]
        )
      ).rows[0].id
    const variantId = await firstVariantOf("paris-brest")
    const baselineVariantId = await firstVariantOf("croissant-au-beurre")
    await db.end()
    const call = client(port, publishableKey)

    const { token: adminToken } = await call("POST", "/auth/user/emailpass", {
      body: { email: "admin@klelite.local", password: "klelite-admin" },
    })

    const total = SHOPPERS * ROUNDS
    console.log(`bench: registering ${total} shoppers with a cart each`)
    const { regions } = await call("GET", "/store/regions")
    const europe = regions.find((region) => region.currency_code === "eur")
    const shoppers = new Array(total)
    await runConcurrently({
      total,
      concurrency: CONCURRENCY,
      task: async (i) => {
        shoppers[i] = await newShopper(call, europe.id, i)
      },
    })

    const health = () =>
      runConcurrently({
        total: HEALTH_REQUESTS,
        concurrency: CONCURRENCY,
        task: () => call("GET", "/health"),
      })
    await health()

    const rounds = []
    const latencies = { admitted: [], refused: [] }
    const reasons = new Set()
    let admitted = 0
    let held = 0
    let oversold = 0
    const newSale = async (round, what) =>
      (
        await call("POST", "/admin/flash-sales", {
          token: adminToken,
          body: {
            title: `HTTP benchmark ${round + 1}, ${what}`,
            starts_at: new Date(Date.now() - 60000).toISOString(),
            ends_at: new Date(Date.now() + 3600000).toISOString(),
            items: [
              {
                variant_id: variantId,
                prices: { eur: 19 },
                units_allocated: Math.min(Math.ceil(SHOPPERS / 2), 100),
                per_customer_limit: 1,
              },
            ],
          },
        })
      ).flash_sale
    for (let round = 0; round < ROUNDS; round++) {
      const shopperOf = (i) => shoppers[round * SHOPPERS + i]
      // One sale reserved alone, one reserved straight into carts.
      const alone = await newSale(round, "reserved alone")
      const intoCart = await newSale(round, "reserved into carts")
      const reservationIds = new Array(SHOPPERS).fill(null)
      const reserveOn = (sale, withCart) => () =>
        runConcurrently({
          total: SHOPPERS,
          concurrency: CONCURRENCY,
          task: async (i) => {
            const shopper = shopperOf(i)
            const startedAt = performance.now()
            try {
              const { reservation } = await call(
                "POST",
                `/store/flash-sales/${sale.id}/reservations`,
                {
                  token: shopper.token,
                  body: {
                    item_id: sale.items[0].id,
                    quantity: 1,
                    ...(withCart ? { cart_id: shopper.cartId } : {}),
                  },
                }
              )
              if (!withCart) {
                reservationIds[i] = reservation.id
                latencies.admitted.push(performance.now() - startedAt)
              }
              admitted++
            } catch (error) {
              if (error.status !== 400) {
                throw error
              }
              reasons.add(error.data.message)
              if (!withCart) {
                latencies.refused.push(performance.now() - startedAt)
              }
            }
          },
        })
      const me = () =>
        runConcurrently({
          total: SHOPPERS,
          concurrency: CONCURRENCY,
          task: (i) =>
            call("GET", "/store/customers/me", { token: shopperOf(i).token }),
        })
      const addToCart = () =>
        runConcurrently({
          total: SHOPPERS,
          concurrency: CONCURRENCY,
          task: (i) =>
            call(
              "POST",
              `/store/carts/${shopperOf(i).baselineCartId}/line-items`,
              {
                token: shopperOf(i).token,
                body: { variant_id: baselineVariantId, quantity: 1 },
              }
            ),
        })
      // Each round starts with another of the five, in turn.
      const timed = {
        health,
        me,
        addToCart,
        reserve: reserveOn(alone, false),
        reserveIntoCart: reserveOn(intoCart, true),
      }
      const order = Object.keys(timed)
      const figures = {}
      for (let k = 0; k < order.length; k++) {
        const name = order[(round + k) % order.length]
        figures[name] = await timed[name]()
      }
      // The second step of reserving alone: each admitted reservation joins
      // the shopper's other cart.
      const placed = reservationIds.flatMap((id, i) => (id ? [[id, i]] : []))
      figures.placeInCart = await runConcurrently({
        total: placed.length,
        concurrency: CONCURRENCY,
        task: (k) => {
          const [id, i] = placed[k]
          return call(
            "POST",
            `/store/carts/${shopperOf(i).baselineCartId}/flash-sale-reservations`,
            { token: shopperOf(i).token, body: { reservation_id: id } }
          )
        },
      })
      rounds.push(figures)
      for (const sale of [alone, intoCart]) {
        const units = await oversoldUnits(databaseUrl, sale.items[0].id)
        held += units.held
        oversold += units.oversold
      }
      console.log(
        `bench: round ${round + 1}/${ROUNDS}: health ${Math.round(figures.health.opsPerSecond)}/s, ` +
          `customers/me ${Math.round(figures.me.opsPerSecond)}/s, ` +
          `add to cart ${Math.round(figures.addToCart.opsPerSecond)}/s, ` +
          `reserve ${Math.round(figures.reserve.opsPerSecond)}/s, ` +
          `reserve into cart ${Math.round(figures.reserveIntoCart.opsPerSecond)}/s, ` +
          `reservation into cart ${Math.round(figures.placeInCart.opsPerSecond)}/s`
      )
    }
    if (reasons.size) {
      console.log(`bench: refusals: ${[...reasons].join(" | ")}`)
    }

    const row = (name, rate, p50, p99, errors) =>
      console.log(
        `  ${name.padEnd(48)} ${(Number.isNaN(rate) ? "" : `${Math.round(rate).toLocaleString("en")}/s`).padStart(8)}` +
          `   p50 ${Number(p50).toFixed(1).padStart(7)} ms` +
          `   p99 ${Number(p99).toFixed(1).padStart(7)} ms` +
          (errors === undefined ? "" : `   errors ${errors}`)
      )
    const med = (pick) => median(rounds.map(pick))
    const errors = (name) =>
      rounds.reduce((sum, round) => sum + round[name].failed, 0)
    console.log(
      `\nflash-sale HTTP, ${WITH_REDIS ? "Redis" : "PostgreSQL"} engine, ` +
        `medusa start from the project root on ${require("os").cpus().length} cores, ` +
        `${CONCURRENCY} connections, median of ${ROUNDS} interleaved rounds\n`
    )
    row(
      "GET /health (baseline)",
      med((r) => r.health.opsPerSecond),
      med((r) => r.health.p50),
      med((r) => r.health.p99),
      errors("health")
    )
    row(
      `GET /store/customers/me (Medusa, ${SHOPPERS} a round)`,
      med((r) => r.me.opsPerSecond),
      med((r) => r.me.p50),
      med((r) => r.me.p99),
      errors("me")
    )
    row(
      `POST line-items (Medusa, ${SHOPPERS} a round)`,
      med((r) => r.addToCart.opsPerSecond),
      med((r) => r.addToCart.p50),
      med((r) => r.addToCart.p99),
      errors("addToCart")
    )
    row(
      `POST reservations, alone (${SHOPPERS} a round)`,
      med((r) => r.reserve.opsPerSecond),
      med((r) => r.reserve.p50),
      med((r) => r.reserve.p99),
      errors("reserve")
    )
    for (const [outcome, values] of Object.entries(latencies)) {
      row(
        `  of which ${outcome} (${values.length})`,
        NaN,
        percentile(values, 0.5),
        percentile(values, 0.99)
      )
    }
    row(
      `POST reservations into a cart (${SHOPPERS} a round)`,
      med((r) => r.reserveIntoCart.opsPerSecond),
      med((r) => r.reserveIntoCart.p50),
      med((r) => r.reserveIntoCart.p99),
      errors("reserveIntoCart")
    )
    row(
      "POST carts/:id/flash-sale-reservations (admitted)",
      med((r) => r.placeInCart.opsPerSecond),
      med((r) => r.placeInCart.p50),
      med((r) => r.placeInCart.p99),
      errors("placeInCart")
    )
    const percentOf = (route, name) =>
      `${(med((r) => r[route].opsPerSecond / r[name].opsPerSecond) * 100).toFixed(1)}%`
    console.log(
      `  reserve / health: ${percentOf("reserve", "health")} (goal 50%); ` +
        `customers/me / health: ${percentOf("me", "health")}; ` +
        `reserve into a cart / health: ${percentOf("reserveIntoCart", "health")}; ` +
        `reserve into a cart / add to cart: ${percentOf("reserveIntoCart", "addToCart")}\n` +
        `  units held ${held}; admitted ${admitted}; units oversold: ${oversold}`
    )
    if (
      oversold ||
      admitted !== held ||
      ["reserve", "reserveIntoCart", "placeInCart", "me", "addToCart"].some(
        (name) => errors(name)
      )
    ) {
      process.exitCode = 1
    }
  } finally {
    if (server) {
      server.kill("SIGTERM")
      await new Promise((resolve) => server.on("exit", resolve))
    }
    dropDatabase(ADMIN_DB_URL, dbName)
    if (WITH_REDIS) {
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys(`*${dbName}*`)
      if (keys.length) {
        await redis.del(...keys)
      }
      await redis.quit()
    }
  }
}

module.exports = { runHttpBench }

if (require.main === module) {
  runHttpBench().catch((error) => {
    console.error(`bench: ${error.message}`)
    process.exit(1)
  })
}
