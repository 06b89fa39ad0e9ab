import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import {
  freePort,
  freshEnv,
  runScript,
  startStore,
  StartedStore,
  waitForHttp,
} from "../utils/start-process"

// Two cold starts (migrations, seed, the admin's first build) on a busy machine.
jest.setTimeout(15 * 60 * 1000)

describe("npm start with no configuration", () => {
  let dataDir: string
  let env: Record<string, string>
  let port: number

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "klelite-embedded-"))
    // As root, PostgreSQL runs as the "postgres" user, which must reach it.
    fs.chmodSync(dataDir, 0o755)
    port = await freePort()
    env = freshEnv({
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      KLELITE_DATA_DIR: dataDir,
    })
  })

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  async function stop(store: StartedStore) {
    store.child.kill("SIGTERM")
    return store.exited
  }

  async function listProducts(key: string) {
    const response = await fetch(
      `http://localhost:${port}/store/products?limit=100&fields=handle`,
      { headers: { "x-publishable-api-key": key } }
    )
    expect(response.status).toEqual(200)
    return (await response.json()) as { count: number }
  }

  it("runs on an embedded PostgreSQL, seeds once and keeps the data across restarts", async () => {
    const first = startStore(env)
    await waitForHttp(`http://localhost:${port}/health`, first, 10 * 60 * 1000)

    const output = first.output()
    expect(output).toContain("embedded PostgreSQL")
    expect(output).toContain("Seeding the bakery catalog")
    expect(output).toMatch(/Admin login:\s+admin@klelite\.local/)
    const key = output.match(/Publishable key:\s+(pk_\w+)/)?.[1]
    expect(key).toBeDefined()

    const firstCatalog = await listProducts(key!)
    expect(firstCatalog.count).toBeGreaterThanOrEqual(40)

    const admin = await fetch(`http://localhost:${port}/app`)
    expect(admin.status).toEqual(200)
    expect(await admin.text()).toContain("<html")

    expect(await stop(first)).toEqual(0)
    expect(first.output()).toContain("Embedded PostgreSQL stopped")
    expect(
      fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))
    ).toBe(false)

    const second = startStore(env)
    await waitForHttp(`http://localhost:${port}/health`, second, 6 * 60 * 1000)
    expect(second.output()).toContain("Store already seeded")
    expect(second.output()).not.toContain("Seeding the bakery catalog")
    const secondCatalog = await listProducts(key!)
    expect(secondCatalog.count).toEqual(firstCatalog.count)
    expect(await stop(second)).toEqual(0)
  })
})

describe("npm start with bad configuration", () => {
  it("reports an unreachable DATABASE_URL in one line", async () => {
    const closedPort = await freePort()
    const store = startStore(
      freshEnv({
        PORT: String(await freePort()),
        DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/klelite`,
      })
    )
    expect(await store.exited).toEqual(1)
    const output = store.output().trim()
    expect(output).toMatch(
      /^\[klelite\] Cannot start: The database at DATABASE_URL .* is not reachable: .*ECONNREFUSED/
    )
    expect(output.split("\n")).toHaveLength(1)
    expect(output).not.toMatch(/\n\s+at /)
  })

  it("reports an unreachable DATABASE_URL to the seed in one line", async () => {
    const closedPort = await freePort()
    const seed = runScript(
      "scripts/seed.js",
      freshEnv({
        DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/klelite`,
      })
    )
    expect(await seed.exited).toEqual(1)
    expect(seed.output().trim()).toMatch(
      /^\[klelite\] Cannot seed: The database at DATABASE_URL .* is not reachable: .*ECONNREFUSED [^\n]*$/
    )
  })

  it("reports a port in use in one line", async () => {
    const blocker = net.createServer()
    const port = await freePort()
    await new Promise<void>((resolve) => blocker.listen(port, resolve))
    try {
      const store = startStore(freshEnv({ PORT: String(port) }))
      expect(await store.exited).toEqual(1)
      expect(store.output().trim()).toEqual(
        `[klelite] Cannot start: Port ${port} (Medusa server) is already in use. Stop whatever runs there or choose another port (PORT=...).`
      )
    } finally {
      blocker.close()
    }
  })
})
