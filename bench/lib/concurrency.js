const { performance } = require("perf_hooks")

/**
 * Runs `task(i)` for i in [0, total) on `concurrency` callers at once.
 * Returns ops/s, latency percentiles (ms) and how many calls failed.
 */
async function runConcurrently({ total, concurrency, task }) {
  const latencies = new Float64Array(total)
  let next = 0
  let failed = 0

  async function caller() {
    for (let i = next++; i < total; i = next++) {
      const startedAt = performance.now()
      try {
        await task(i)
      } catch {
        failed++
      }
      latencies[i] = performance.now() - startedAt
    }
  }

  const startedAt = performance.now()
  await Promise.all(Array.from({ length: concurrency }, caller))
  const seconds = (performance.now() - startedAt) / 1000

  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (share) => sorted[Math.min(Math.floor(share * total), total - 1)]
  return {
    opsPerSecond: total / seconds,
    p50: at(0.5),
    p99: at(0.99),
    failed,
  }
}

module.exports = { runConcurrently }
