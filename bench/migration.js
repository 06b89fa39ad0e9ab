#!/usr/bin/env node
/**
 * `npm run bench:migration`: times the legacy-migration pipeline's stages on a
 * generated fixture (BENCH_ORDERS orders, other collections in proportion):
 * writing the mongodump, then streaming it back. Prints docs/s and peak RSS.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
require("../scripts/legacy/register-ts")
const {
  generateFixture,
} = require("../src/modules/legacy-migration/fixture/generate")
const {
  readDumpCollection,
} = require("../src/modules/legacy-migration/dump/read-dump")

const ORDERS = Number(process.env.BENCH_ORDERS || 1_000_000)
const KEEP = process.env.BENCH_KEEP_DIR

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 50)

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`
}

function report(stage, documents, ms) {
  const rate = Math.round(documents / (ms / 1000))
  console.log(
    `${stage.padEnd(16)} ${String(documents).padStart(9)} docs  ${(ms / 1000).toFixed(1).padStart(6)} s  ${String(rate).padStart(7)} docs/s  peak RSS ${mb(peakRss)}`
  )
}

async function main() {
  const outDir =
    KEEP || fs.mkdtempSync(path.join(os.tmpdir(), "klelite-bench-"))
  const counts = {
    users: Math.ceil(ORDERS / 3),
    products: Math.max(50, Math.ceil(ORDERS / 500)),
    orders: ORDERS,
    reviews: Math.ceil(ORDERS / 3),
    loyaltytransactions: ORDERS,
    flashsales: Math.max(5, Math.ceil(ORDERS / 20_000)),
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  try {
    let started = Date.now()
    peakRss = 0
    await generateFixture({ outDir, seed: 1, counts })
    report("write dump", total, Date.now() - started)

    started = Date.now()
    peakRss = 0
    let read = 0
    for (const collection of Object.keys(counts)) {
      const file = path.join(outDir, "klelite", `${collection}.bson`)
      for await (const _doc of readDumpCollection(file)) {
        read++
      }
    }
    report("stream dump", read, Date.now() - started)
  } finally {
    clearInterval(sampler)
    if (!KEEP) {
      fs.rmSync(outDir, { recursive: true, force: true })
    }
  }
}

main().catch((error) => {
  console.error(`[klelite] Benchmark failed: ${error.message}`)
  process.exit(1)
})
