#!/usr/bin/env node
/**
 * `npm start`: runs the store on DATABASE_URL, or on an embedded PostgreSQL
 * kept in .data/ when none is set. Migrates, seeds on first start, prints the
 * admin login and publishable key, then serves API and admin on one port.
 */
const path = require("path")
const { loadEnv } = require("@medusajs/framework/utils")
const {
  startEmbeddedPostgres,
  checkDatabaseReachable,
  readSeedVersion,
  readPublishableKey,
  redact,
} = require("./lib/embedded-db")
const { ensurePortFree } = require("./lib/port")
const {
  runMedusa,
  spawnMedusaServer,
  PROJECT_ROOT,
} = require("./lib/medusa-cli")

const develop = process.argv.includes("--develop")
process.env.NODE_ENV = process.env.NODE_ENV || "development"
loadEnv(process.env.NODE_ENV, PROJECT_ROOT)

const log = (message) => console.log(`[klelite] ${message}`)

async function main() {
  const port = Number(process.env.PORT || 9000)
  await ensurePortFree(port, "Medusa server")

  let embedded = null
  let server = null
  const stopDatabase = async () => {
    if (embedded) {
      const db = embedded
      embedded = null
      await db.stop().catch(() => {})
      log("Embedded PostgreSQL stopped")
    }
  }
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (server) {
        server.kill(signal)
      } else {
        stopDatabase().then(() => process.exit(1))
      }
    })
  }

  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    await checkDatabaseReachable(databaseUrl)
    log(`Using the database at ${redact(databaseUrl)}`)
  } else {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT || 54329)
    await ensurePortFree(pgPort, "embedded PostgreSQL")
    const dataDir = path.resolve(
      PROJECT_ROOT,
      process.env.KLELITE_DATA_DIR || ".data"
    )
    embedded = await startEmbeddedPostgres({ dataDir, port: pgPort, log })
    databaseUrl = embedded.url
    log(
      `No DATABASE_URL set: running on an embedded PostgreSQL (port ${pgPort}, data in ${dataDir})`
    )
  }

  try {
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
    }
    log("Applying database migrations")
    await runMedusa(["db:migrate"], { cwd: PROJECT_ROOT, env })

    if (await readSeedVersion(databaseUrl)) {
      log("Store already seeded: keeping its data")
    } else {
      log("Seeding the bakery catalog (first start)")
      await runMedusa(["exec", "./src/scripts/seed.ts"], {
        cwd: PROJECT_ROOT,
        env,
      })
    }

    const key = await readPublishableKey(databaseUrl)
    const adminEmail = process.env.MEDUSA_ADMIN_EMAIL || "admin@klelite.local"
    const adminPassword = process.env.MEDUSA_ADMIN_PASSWORD
      ? "(MEDUSA_ADMIN_PASSWORD)"
      : "klelite-admin"
    log(`Store API:        http://localhost:${port}/store`)
    log(`Admin dashboard:  http://localhost:${port}/app`)
    log(`Admin login:      ${adminEmail} / ${adminPassword}`)
    log(`Publishable key:  ${key || "(none found)"}`)

    server = spawnMedusaServer(
      [develop ? "develop" : "start", "--port", String(port)],
      { cwd: PROJECT_ROOT, env }
    )
    const code = await new Promise((resolve) => server.on("exit", resolve))
    await stopDatabase()
    process.exit(code ?? 0)
  } catch (error) {
    await stopDatabase()
    throw error
  }
}

main().catch((error) => {
  console.error(`[klelite] Cannot start: ${error.message}`)
  process.exit(1)
})
