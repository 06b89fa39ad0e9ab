import { spawn, type ChildProcess } from "child_process"
import { rm } from "fs/promises"
import { join } from "path"
import type { Connection } from "mariadb"
import type { MigrationReport } from "../run/report"
import { runCli } from "./support/cli"
import { generateStore, SMALL_STORE } from "./support/fixture"
import {
  connectServer,
  contentHashes,
  databaseUrl,
  uniqueDatabase,
} from "./support/mysql"

jest.setTimeout(60_000)

const SCRIPT = join(
  __dirname,
  "..",
  "..",
  "..",
  "..",
  "scripts",
  "legacy",
  "migrate.js"
)
const killed = uniqueDatabase("resume_killed")
const straight = uniqueDatabase("resume_straight")
const superseded = uniqueDatabase("resume_superseded")
const ORDERS = 3000

let admin: Connection
let dir: string

function start(database: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      SCRIPT,
      "--dump",
      dir,
      "--mysql",
      databaseUrl(database),
      "--batch-size",
      "100",
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_OPTIONS: "" },
    }
  )
}

function finished(child: ChildProcess) {
  let stdout = ""
  let stderr = ""
  child.stdout?.on("data", (chunk) => (stdout += chunk))
  child.stderr?.on("data", (chunk) => (stderr += chunk))
  return new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
    stdout: string
    stderr: string
  }>((resolve) =>
    child.on("exit", (code, signal) =>
      resolve({ code, signal, stdout, stderr })
    )
  )
}

async function ordersProcessed(database: string): Promise<number> {
  try {
    const [row] = await admin.query(
      `SELECT processed_count FROM \`${database}\`.migration_checkpoints
       WHERE collection = 'orders'`
    )
    return row ? Number(row.processed_count) : 0
  } catch {
    return 0 // not deployed yet
  }
}

beforeAll(async () => {
  admin = await connectServer()
  ;({ dir } = await generateStore("resume", { ...SMALL_STORE, orders: ORDERS }))
})

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS \`${killed}\``)
  await admin.query(`DROP DATABASE IF EXISTS \`${straight}\``)
  await admin.query(`DROP DATABASE IF EXISTS \`${superseded}\``)
  await admin.end()
  await rm(dir, { recursive: true, force: true })
})

describe("a migration killed in the middle of a collection", () => {
  let resumed: MigrationReport

  it("stops at once on SIGKILL, after some orders were checkpointed", async () => {
    const child = start(killed)
    const exit = finished(child)
    const deadline = Date.now() + 30_000
    while ((await ordersProcessed(killed)) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    child.kill("SIGKILL")
    const { signal } = await exit
    expect(signal).toBe("SIGKILL")

    const processed = await ordersProcessed(killed)
    expect(processed).toBeGreaterThan(0)
    expect(processed).toBeLessThan(ORDERS)
    const [run] = await admin.query(
      `SELECT status FROM \`${killed}\`.migration_runs`
    )
    expect(run.status).toBe("running")
  })

  it("resumes after the last checkpoint when started again", async () => {
    const { code, stdout, stderr } = await finished(start(killed))
    expect(stderr).not.toContain("[klelite]")
    expect(code).toBe(0)
    resumed = JSON.parse(stdout)
    expect(resumed).toMatchObject({ ok: true, resumed: true })
    const orders = resumed.collections.find((c) => c.collection === "orders")
    expect(orders?.skipped).toBeGreaterThan(0)
    expect((orders?.skipped ?? 0) + (orders?.read ?? 0)).toBe(ORDERS)
    const products = resumed.collections.find(
      (c) => c.collection === "products"
    )
    expect(products).toMatchObject({ read: 0, skipped: SMALL_STORE.products })
  })

  it("ends identical to a migration that was never interrupted", async () => {
    const { code, report } = await runCli([
      "--dump",
      dir,
      "--mysql",
      databaseUrl(straight),
    ])
    expect(code).toBe(0)
    for (const entry of report?.collections ?? []) {
      const after = resumed.collections.find(
        (c) => c.collection === entry.collection
      )
      expect(after?.sums).toEqual(entry.sums)
      expect(after?.reasons).toEqual(entry.reasons)
    }
    expect(await contentHashes(admin, killed)).toEqual(
      await contentHashes(admin, straight)
    )
  })
})

describe("a failed migration followed by a completed restart", () => {
  const migrate = (...extra: string[]) =>
    runCli(["--dump", dir, "--mysql", databaseUrl(superseded), ...extra])

  it("starts a new run next time rather than resuming the failed one", async () => {
    expect((await migrate()).code).toBe(0)
    const [failed] = await admin.query(
      `SELECT id FROM \`${superseded}\`.migration_runs`
    )
    await admin.query(
      `UPDATE \`${superseded}\`.migration_runs SET status = 'failed' WHERE id = ?`,
      [failed.id]
    )
    const restarted = await migrate("--restart")
    expect(restarted.code).toBe(0)
    expect(restarted.report).toMatchObject({ ok: true, resumed: false })

    const next = await migrate()
    expect(next.stderr).not.toContain("[klelite]")
    expect(next.code).toBe(0)
    expect(next.report).toMatchObject({ ok: true, resumed: false })
    const runs = await admin.query(
      `SELECT id, status FROM \`${superseded}\`.migration_runs
       ORDER BY started_at`
    )
    expect(runs.map((run: { status: string }) => run.status)).toEqual([
      "failed",
      "completed",
      "completed",
    ])
    expect(runs[0].id).toBe(failed.id)
  })
})
