#!/usr/bin/env node
/**
 * `npm run bench:migration`: the legacy migration end to end on a generated
 * store of about BENCH_DOCUMENTS documents (1,000,000 by default): writing the
 * mongodump, streaming it back, migrating it into MariaDB (BENCH_MYSQL_URL,
 * LEGACY_MYSQL_URL or root@127.0.0.1; a scratch database dropped afterwards),
 * and, as the yardstick, a plain multi-row INSERT of the same rows. The
 * migration and its yardstick alternate for BENCH_ROUNDS (3) rounds, so both
 * see the same machine; prints docs/s and peak RSS per round, RSS as each
 * collection finishes, and the medians.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
require("../scripts/legacy/register-ts")
const { createConnection } = require("mariadb")
const legacy = "../src/modules/legacy-migration"
const { generateFixture } = require(`${legacy}/fixture/generate`)
const { readDumpCollection } = require(`${legacy}/dump/read-dump`)
const { deployMigrations } = require(`${legacy}/deploy/deploy`)
const { parseMysqlUrl } = require(`${legacy}/deploy/mysql-url`)
const { openSource, openTargetPool } = require(`${legacy}/run/connections`)
const { migrateLegacyStore } = require(`${legacy}/run/migrate`)
const { plainInsertCopy } = require("./migration-plain-insert")

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS || 1_000_000)
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE || 2000)
const KEEP = process.env.BENCH_KEEP_DIR
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3)
const SERVER = (
  process.env.BENCH_MYSQL_URL ||
  process.env.LEGACY_MYSQL_URL ||
  "mysql://root@127.0.0.1:3306/klelite_bench"
).replace(/\/[^/]*$/, "")

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 50)

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`
}

function report(stage, documents, ms, extra = "") {
  const rate = Math.round(documents / (ms / 1000))
  console.log(
    `${stage.padEnd(22)} ${String(documents).padStart(9)} docs  ${(ms / 1000).toFixed(1).padStart(6)} s  ${String(rate).padStart(7)} docs/s  peak RSS ${mb(peakRss)}  load ${os.loadavg()[0].toFixed(1)}${extra}`
  )
  return rate
}

/** About `total` documents in the proportions of the legacy store. */
function countsFor(total) {
  const orders = Math.round((total * 3) / 8)
  return {
    users: Math.round(total / 8),
    products: Math.max(50, Math.ceil(orders / 500)),
    orders,
    reviews: Math.round(total / 8),
    loyaltytransactions: orders,
    flashsales: Math.max(5, Math.ceil(orders / 20_000)),
  }
}

async function stage(name, work) {
  peakRss = process.memoryUsage().rss
  const started = Date.now()
  const result = await work()
  return { ...result, ms: Date.now() - started, name }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** One round: the migration into a fresh database, then the plain copy of its rows. */
async function round(n, { admin, outDir, database, documents }) {
  const url = `${SERVER}/${database}`
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
  await admin.query(`DROP DATABASE IF EXISTS \`${database}_plain\``)
  await deployMigrations({ url })
  await deployMigrations({ url: `${url}_plain` })
  const source = await openSource({ kind: "dump", path: outDir })
  const { pool } = await openTargetPool(url)
  const rssAt = []
  const migrated = await stage("migrate", async () => {
    const result = await migrateLegacyStore({
      source,
      pool,
      database,
      batchSize: BATCH_SIZE,
      onProgress: (event) => {
        if (event.phase === "done") {
          rssAt.push(`${event.collection} ${mb(process.memoryUsage().rss)}`)
        }
      },
    })
    return { result }
  })
  const migratePeak = peakRss
  await pool.end()
  await source.close()
  const endToEnd = report(
    `round ${n}: migrate`,
    documents,
    migrated.ms,
    migrated.result.ok ? "" : "  (sums disagree!)"
  )
  console.log(`  RSS after each collection: ${rssAt.join(", ")}`)

  const from = await createConnection({ ...parseMysqlUrl(url) })
  const to = await createConnection({ ...parseMysqlUrl(`${url}_plain`) })
  const plain = await stage("plain INSERT", () =>
    plainInsertCopy({ from, to, from_db: database })
  )
  await from.end()
  await to.end()
  const plainRate = report(
    `round ${n}: plain INSERT`,
    documents,
    plain.insertMs
  )
  console.log(
    `  ${plain.rows} rows; migration at ${((100 * endToEnd) / plainRate).toFixed(0)}% of the plain INSERT rate`
  )
  return { endToEnd, plainRate, migratePeak, ok: migrated.result.ok }
}

async function main() {
  const outDir =
    KEEP || fs.mkdtempSync(path.join(os.tmpdir(), "klelite-bench-"))
  const database = `klelite_bench_${process.pid}`
  const counts = countsFor(DOCUMENTS)
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const admin = await createConnection({
    ...parseMysqlUrl(`${SERVER}/${database}`),
    database: undefined,
  })
  console.log(
    `bench: ${total} documents, ${ROUNDS} rounds (migration, then the plain INSERT of its rows), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at start\n`
  )
  try {
    if (!fs.existsSync(path.join(outDir, "klelite", "_expected.json"))) {
      const written = await stage("write dump", () =>
        generateFixture({ outDir, seed: 1, counts })
      )
      report("write dump", total, written.ms)
    }

    const streamed = await stage("stream dump", async () => {
      let read = 0
      for (const collection of Object.keys(counts)) {
        const file = path.join(outDir, "klelite", `${collection}.bson`)
        for await (const _doc of readDumpCollection(file)) {
          read++
        }
      }
      return { read }
    })
    report("stream dump", streamed.read, streamed.ms)

    const rounds = []
    for (let n = 1; n <= ROUNDS; n++) {
      rounds.push(await round(n, { admin, outDir, database, documents: total }))
    }
    const endToEnd = median(rounds.map((r) => r.endToEnd))
    const plainRate = median(rounds.map((r) => r.plainRate))
    const ratios = rounds.map((r) => (100 * r.endToEnd) / r.plainRate)
    console.log(
      `\nmedians over ${ROUNDS} rounds: migration end to end ${endToEnd} docs/s (peak RSS ${mb(median(rounds.map((r) => r.migratePeak)))}), plain INSERT ${plainRate} rows/s; ` +
        `migration at ${median(ratios).toFixed(0)}% of the plain INSERT rate (rounds: ${ratios.map((r) => `${r.toFixed(0)}%`).join(", ")})` +
        (rounds.every((r) => r.ok) ? "" : "; SUMS DISAGREE in a round")
    )
    console.log(`load ${os.loadavg()[0].toFixed(1)} at end`)
  } finally {
    clearInterval(sampler)
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
    await admin.query(`DROP DATABASE IF EXISTS \`${database}_plain\``)
    await admin.end()
    if (!KEEP) {
      fs.rmSync(outDir, { recursive: true, force: true })
    }
  }
}

main().catch((error) => {
  console.error(`[klelite] Benchmark failed: ${error.message}`)
  process.exit(1)
})
