#!/usr/bin/env node
/**
 * `npm run bench:flash-sale`: the flash-sale reservation engines, driven from
 * one process by BENCH_FLASH_SALE_CONCURRENCY (200) concurrent callers on one
 * Redis connection. Each of BENCH_ROUNDS (5) rounds, on a fresh sale, times
 * each of the first three figures next to its own run of a plain Redis INCR
 * loop issued through the engine's own connection at the same concurrency,
 * alternating which goes first:
 *   - Redis engine, admitted: reservations against a large allocation,
 *     admitted by the Lua script (the calls that arrive together share one
 *     script call) and written to PostgreSQL by the group commit;
 *   - Redis engine, sold out: attempts on an item of 100 units, which Redis
 *     refuses without touching PostgreSQL once the 100 are gone;
 *   - the group commit alone: the same PostgreSQL writes, queued by the
 *     same number of callers without Redis, the ceiling of the admitted
 *     path as long as a caller waits for its row to be durable;
 *   - PostgreSQL engine (no Redis), admitted, with a tenth of the calls;
 *   - the INCR loop, the ceiling one Redis round trip allows.
 * Prints the median of each figure and of each figure's ratio to its INCR
 * run (the INCR line is the median of all its runs), then the
 * units oversold computed from the final PostgreSQL rows and counters and
 * the Redis copy.
 *
 * Then, unless BENCH_FLASH_SALE_HTTP=0, the same over HTTP through a running
 * store (bench/flash-sale-http.js).
 */
const path = require("path")
const { Redis } = require("ioredis")
const { median } = require("./lib/measure")
const { runConcurrently } = require("./lib/concurrency")
const { openFlashSaleDatabase, MODULE_DIR } = require("./lib/flash-sale-setup")

const { RedisReservationEngine } = require(
  path.join(MODULE_DIR, "engine", "redis", "redis-engine")
)
const { PostgresReservationEngine } = require(
  path.join(MODULE_DIR, "engine", "postgres-engine")
)
const { saleKeys } = require(path.join(MODULE_DIR, "engine", "redis", "keys"))
const { ReservationBatcher } = require(
  path.join(MODULE_DIR, "engine", "redis", "reservation-batcher")
)
const { newReservation } = require(
  path.join(MODULE_DIR, "engine", "new-reservation")
)

const ADMIN_DB_URL =
  process.env.BENCH_DATABASE_URL ||
  "postgres://postgres@localhost:5432/postgres"
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379"
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5)
const CONCURRENCY = Number(process.env.BENCH_FLASH_SALE_CONCURRENCY || 200)
const RESERVATIONS = Number(process.env.BENCH_FLASH_SALE_RESERVATIONS || 10000)
const LARGE_ALLOCATION = 1_000_000
const SMALL_ALLOCATION = 100

const KEY_PREFIX = `bench:flash-sale:${Date.now()}`

async function createSale(db, run) {
  const saleId = `fsale_bench_${run}`
  await db.query(
    `INSERT INTO flash_sale (id, title, starts_at, ends_at, status)
     VALUES (?, ?, now() - interval '1 minute', now() + interval '1 hour', 'active')`,
    [saleId, `Benchmark rush ${run}`]
  )
  const item = async (suffix, units) => {
    const id = `fsitem_bench_${run}_${suffix}`
    await db.query(
      `INSERT INTO flash_sale_item (id, sale_id, variant_id, prices,
         units_allocated, per_customer_limit)
       VALUES (?, ?, ?, ?::jsonb, ?, 1)`,
      [id, saleId, `variant_${suffix}`, JSON.stringify({ eur: 4 }), units]
    )
    return id
  }
  return {
    saleId,
    largeItemId: await item("large", LARGE_ALLOCATION),
    smallItemId: await item("small", SMALL_ALLOCATION),
    pgItemId: await item("pg", LARGE_ALLOCATION),
    commitItemId: await item("commit", LARGE_ALLOCATION),
  }
}

function reserveTask(engine, saleId, itemId, run) {
  return (i) =>
    engine.reserve({
      saleId,
      itemId,
      customerId: `cus_${run}_${i}`,
      quantity: 1,
      ttlSeconds: 600,
    })
}

/**
 * Units held beyond the allocation, per PostgreSQL counters, PostgreSQL rows
 * and the Redis copy (whose free units may never exceed PostgreSQL's).
 */
async function oversoldUnits(db, redis, sale, admitted) {
  const rows = await db.query(
    `SELECT i.id, i.units_allocated, i.units_sold, i.units_reserved,
       (SELECT COALESCE(SUM(quantity), 0)::int FROM flash_sale_reservation r
        WHERE r.item_id = i.id AND r.status IN ('active', 'converted')) AS held
     FROM flash_sale_item i WHERE i.sale_id = ?`,
    [sale.saleId]
  )
  const keys = saleKeys(KEY_PREFIX, sale.saleId)
  let oversold = 0
  for (const item of rows) {
    const counted = item.units_sold + item.units_reserved
    oversold += Math.max(counted - item.units_allocated, 0)
    oversold += Math.max(item.held - item.units_allocated, 0)
    if (item.held !== counted || item.held !== admitted[item.id]) {
      throw new Error(
        `item ${item.id}: ${admitted[item.id]} admitted, ${item.held} rows, ${counted} counted`
      )
    }
    // Only the Redis engine's items have a Redis copy kept up to date.
    if (item.id === sale.largeItemId || item.id === sale.smallItemId) {
      const available = Number(
        await redis.hget(keys.item(item.id), "available")
      )
      oversold += Math.max(available - (item.units_allocated - counted), 0)
    }
  }
  return oversold
}

/** Writes reservations through the group commit only; refusals throw. */
function commitTask(batcher, saleId, itemId, run) {
  return async (i) => {
    const reservation = newReservation(
      {
        saleId,
        itemId,
        customerId: `cus_${run}_${i}`,
        quantity: 1,
        ttlSeconds: 600,
      },
      new Date()
    )
    if (!(await batcher.record(reservation))) {
      throw new Error(`PostgreSQL refused ${reservation.id}`)
    }
  }
}

async function runRound(
  round,
  { db, engineRedis, redisEngine, pgEngine, batcher }
) {
  const sale = await createSale(db, round)
  // Load the sale's Redis copy outside the timed part.
  await redisEngine.reserve({
    saleId: sale.saleId,
    itemId: sale.largeItemId,
    customerId: `cus_${round}_warmup`,
    quantity: 1,
    ttlSeconds: 600,
  })

  const counterKey = `${KEY_PREFIX}:incr:${round}`
  const timeIncr = () =>
    runConcurrently({
      total: RESERVATIONS,
      concurrency: CONCURRENCY,
      task: () => engineRedis.incr(counterKey),
    })
  const timeAdmitted = () =>
    runConcurrently({
      total: RESERVATIONS,
      concurrency: CONCURRENCY,
      task: reserveTask(redisEngine, sale.saleId, sale.largeItemId, round),
    })
  // Each Redis-engine figure is timed next to its own INCR run, odd rounds
  // the baseline first and even rounds the engine first, so a change in the
  // machine's load during a round hits both sides of its ratio alike.
  const paired = async (timeFigure) => {
    if (round % 2) {
      const incr = await timeIncr()
      return { incr, figure: await timeFigure() }
    }
    const figure = await timeFigure()
    return { incr: await timeIncr(), figure }
  }
  const admitted = await paired(timeAdmitted)
  const soldOut = await paired(() =>
    runConcurrently({
      total: RESERVATIONS,
      concurrency: CONCURRENCY,
      task: reserveTask(redisEngine, sale.saleId, sale.smallItemId, round),
    })
  )
  const groupCommit = await paired(() =>
    runConcurrently({
      total: RESERVATIONS,
      concurrency: CONCURRENCY,
      task: commitTask(batcher, sale.saleId, sale.commitItemId, round),
    })
  )
  const postgres = await runConcurrently({
    total: Math.ceil(RESERVATIONS / 10),
    concurrency: CONCURRENCY,
    task: reserveTask(pgEngine, sale.saleId, sale.pgItemId, round),
  })

  const refused = {
    admitted: admitted.figure.failed,
    soldOut: soldOut.figure.failed,
    groupCommit: groupCommit.figure.failed,
    postgres: postgres.failed,
  }
  const oversold = await oversoldUnits(db, engineRedis, sale, {
    [sale.largeItemId]: RESERVATIONS - refused.admitted + 1,
    [sale.smallItemId]: RESERVATIONS - refused.soldOut,
    [sale.pgItemId]: Math.ceil(RESERVATIONS / 10) - refused.postgres,
    [sale.commitItemId]: RESERVATIONS - refused.groupCommit,
  })
  if (refused.admitted || refused.postgres || refused.groupCommit) {
    throw new Error(`refused on a large allocation: ${JSON.stringify(refused)}`)
  }
  if (RESERVATIONS - refused.soldOut !== SMALL_ALLOCATION) {
    throw new Error(`sold-out item admitted ${RESERVATIONS - refused.soldOut}`)
  }
  return { admitted, soldOut, groupCommit, postgres, oversold }
}

/** Prints the median rate and latencies of one figure over the rounds. */
function line(label, rounds, pick) {
  const figures = rounds.map(pick)
  const rate = median(figures.map((f) => f.opsPerSecond))
  const p50 = median(figures.map((f) => f.p50))
  const p99 = median(figures.map((f) => f.p99))
  console.log(
    `  ${label.padEnd(46)} ${Math.round(rate).toLocaleString("en").padStart(8)}/s` +
      `   p50 ${p50.toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms`
  )
  return rate
}

/** Median over the rounds of a figure's rate divided by its INCR run's. */
function ratio(rounds, pick) {
  return median(
    rounds.map(
      (round) => pick(round).figure.opsPerSecond / pick(round).incr.opsPerSecond
    )
  )
}

async function main() {
  const db = await openFlashSaleDatabase(ADMIN_DB_URL)
  // As the module opens it (engine/create-engines.ts).
  const engineRedis = new Redis(REDIS_URL, { enableAutoPipelining: true })
  const redisEngine = new RedisReservationEngine({
    redis: engineRedis,
    keyPrefix: KEY_PREFIX,
    store: db.store,
  })
  const pgEngine = new PostgresReservationEngine(db.store)
  const batcher = new ReservationBatcher(db.store)
  const rounds = []
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      rounds.push(
        await runRound(round, {
          db,
          engineRedis,
          redisEngine,
          pgEngine,
          batcher,
        })
      )
      process.stdout.write(`bench: round ${round}/${ROUNDS} done\n`)
    }
  } finally {
    const keys = await engineRedis.keys(`${KEY_PREFIX}*`)
    if (keys.length) {
      await engineRedis.del(...keys)
    }
    await engineRedis.quit()
    await db.close()
  }

  console.log(
    `\nflash-sale engine, ${CONCURRENCY} concurrent callers on one Redis ` +
      `connection, median of ${ROUNDS} interleaved rounds ` +
      `(${RESERVATIONS.toLocaleString("en")} calls each)`
  )
  line(
    "Redis INCR loop (baseline, same connection)",
    rounds.flatMap((r) => [r.admitted, r.soldOut, r.groupCommit]),
    (pair) => pair.incr
  )
  line(
    "Redis engine reserve, admitted (Lua + PG row)",
    rounds,
    (r) => r.admitted.figure
  )
  line(
    "Redis engine reserve, sold out (Lua only)",
    rounds,
    (r) => r.soldOut.figure
  )
  line(
    "PostgreSQL group commit alone (no Redis)",
    rounds,
    (r) => r.groupCommit.figure
  )
  line(
    `PostgreSQL engine reserve, admitted (${Math.ceil(RESERVATIONS / 10)} calls)`,
    rounds,
    (r) => r.postgres
  )
  const percent = (value) => `${(value * 100).toFixed(0)}%`
  // Each ratio against the INCR run timed next to it in the same round.
  console.log(
    `  engine / INCR: admitted ${percent(ratio(rounds, (r) => r.admitted))}, ` +
      `sold out ${percent(ratio(rounds, (r) => r.soldOut))} (goal 50%); ` +
      `group commit alone ${percent(ratio(rounds, (r) => r.groupCommit))}`
  )
  const oversold = rounds.reduce((total, round) => total + round.oversold, 0)
  console.log(`  units oversold: ${oversold}`)
  if (oversold) {
    process.exitCode = 1
  }

  if (process.env.BENCH_FLASH_SALE_HTTP !== "0") {
    await require("./flash-sale-http").runHttpBench()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
