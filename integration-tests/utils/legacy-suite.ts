import { spawn } from "child_process"
import { rm } from "fs/promises"
import path from "path"
import type { Connection } from "mariadb"
import type { FixtureCounts } from "../../src/modules/legacy-migration/fixture/context"
import type { FixtureManifest } from "../../src/modules/legacy-migration/fixture/manifest"
import { runCli } from "../../src/modules/legacy-migration/__tests__/support/cli"
import { generateStore } from "../../src/modules/legacy-migration/__tests__/support/fixture"
import {
  connectServer,
  databaseUrl,
  uniqueDatabase,
} from "../../src/modules/legacy-migration/__tests__/support/mysql"
import {
  freePort,
  freshEnv,
  waitForHttp,
  type StartedStore,
} from "./start-process"

const ROOT = path.resolve(__dirname, "../..")

/**
 * A store large enough that a stage-2 run started in the background is
 * still running when a test looks at it or kills its server.
 */
export const BACKGROUND_RUN_STORE: FixtureCounts = {
  users: 120,
  products: 40,
  orders: 20,
  reviews: 10,
  loyaltytransactions: 60,
  flashsales: 2,
}

/** A legacy store dumped to disk, as a mongodump folder and its manifest. */
export type LegacyDump = { dir: string; manifest: FixtureManifest }

/** What a legacy test file works on, filled in by its `beforeAll`. */
export type LegacySuite = {
  /** The file's own MySQL database (it may not exist until migrated into). */
  database: string
  /** Its URL, also set as LEGACY_MYSQL_URL for the file. */
  url: string
  /** A connection to the MySQL server, on `database` once stage 1 made it. */
  mysql: Connection
  /** One dump per entry of `dumps`, by name. */
  dumps: Record<string, LegacyDump>
}

export type LegacySuiteOptions = {
  /** Names the database and the dump folders. */
  prefix: string
  /** The stores to dump, by name. */
  dumps: Record<string, FixtureCounts>
  /** Migrates this dump into the database with stage 1 (the CLI) first. */
  stage1?: string
}

/**
 * Registers the set-up every legacy test file shares: its own MySQL
 * database, named LEGACY_MYSQL_URL, fixture dumps, and optionally stage 1
 * run on one of them; the database and dumps are removed afterwards. Call it
 * at the top of the file or of a test suite; read the fields in tests.
 */
export function legacySuite({
  prefix,
  dumps,
  stage1,
}: LegacySuiteOptions): LegacySuite {
  const database = uniqueDatabase(prefix)
  const suite = {
    database,
    url: databaseUrl(database),
    dumps: {},
  } as LegacySuite

  beforeAll(async () => {
    process.env.LEGACY_MYSQL_URL = suite.url
    suite.mysql = await connectServer()
    for (const [name, counts] of Object.entries(dumps)) {
      suite.dumps[name] = await generateStore(`${prefix}-${name}`, counts)
    }
    if (stage1) {
      const migrated = await runCli([
        "--dump",
        suite.dumps[stage1].dir,
        "--mysql",
        suite.url,
      ])
      expect([migrated.code, migrated.stderr]).toEqual([0, expect.anything()])
      await suite.mysql.query(`USE \`${database}\``)
    }
  })

  afterAll(async () => {
    await suite.mysql?.query(`DROP DATABASE IF EXISTS \`${database}\``)
    await suite.mysql?.end()
    for (const dump of Object.values(suite.dumps)) {
      await rm(dump.dir, { recursive: true, force: true })
    }
  })

  return suite
}

/** Another Medusa server process on the test's databases. */
export type LegacyServer = StartedStore & {
  url: string
  /** A JSON request to it with the given bearer headers. */
  call: <T = Record<string, unknown>>(
    method: string,
    route: string,
    headers: Record<string, string>,
    body?: unknown
  ) => Promise<{ status: number; data: T }>
}

/**
 * Starts `medusa start` on the PostgreSQL database of the test runner and
 * the legacy MySQL database, as another instance of the store (or the same
 * one after a restart), and waits until it answers.
 */
export async function startLegacyServer({
  databaseUrl: pgUrl,
  mysqlUrl,
}: {
  databaseUrl: string
  mysqlUrl: string
}): Promise<LegacyServer> {
  const port = String(await freePort())
  const env = freshEnv({
    DATABASE_URL: pgUrl,
    LEGACY_MYSQL_URL: mysqlUrl,
    PORT: port,
    NODE_ENV: "development",
    NODE_OPTIONS: "",
    DISABLE_MEDUSA_ADMIN: "true",
    LOG_LEVEL: "error",
  })
  const child = spawn(
    process.execPath,
    [require.resolve("@medusajs/cli/cli.js"), "start", "--port", port],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }
  )
  let output = ""
  child.stdout?.on("data", (chunk) => (output += chunk.toString()))
  child.stderr?.on("data", (chunk) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => resolve(code))
  )
  const url = `http://localhost:${port}`
  const server: LegacyServer = {
    child,
    output: () => output,
    exited,
    url,
    call: async (method, route, headers, body) => {
      const response = await fetch(`${url}${route}`, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, data: await response.json() }
    },
  }
  try {
    await waitForHttp(`${url}/health`, server, 180_000)
  } catch (error) {
    child.kill("SIGKILL")
    throw error
  }
  return server
}

/** Stops a server started by `startLegacyServer` (at once with SIGKILL). */
export async function stopLegacyServer(
  server: LegacyServer | undefined,
  signal: NodeJS.Signals = "SIGTERM"
): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode) {
    return
  }
  server.child.kill(signal)
  await server.exited
}
