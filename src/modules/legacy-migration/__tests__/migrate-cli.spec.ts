import { mkdir, mkdtemp, rm, writeFile } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import { LEGACY_COLLECTIONS } from "../types"
import { runCli } from "./support/cli"
import { TEST_SERVER } from "./support/mysql"

jest.setTimeout(30_000)

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "klelite-cli-"))
  await mkdir(join(dir, "not-a-dump"))
  await writeFile(join(dir, "not-a-dump", "notes.txt"), "hello")
  await mkdir(join(dir, "garbled", "klelite"), { recursive: true })
  for (const collection of LEGACY_COLLECTIONS) {
    await writeFile(
      join(dir, "garbled", "klelite", `${collection}.bson`),
      "this is not BSON at all"
    )
  }
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The CLI's answer: exit code and its single line on stderr. */
async function answer(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { code, stderr, stdout } = await runCli(args, env)
  const lines = stderr.trim().split("\n")
  return { code, line: lines[lines.length - 1], lines: lines.length, stdout }
}

describe("migrate:legacy misconfigured", () => {
  it("says so when no MySQL URL is given", async () => {
    const result = await answer(["--dump", join(dir, "not-a-dump")])
    expect(result).toMatchObject({ code: 1, lines: 1, stdout: "" })
    expect(result.line).toMatch(/^\[klelite\] .*LEGACY_MYSQL_URL is not set/)
  })

  it("takes the URL from LEGACY_MYSQL_URL, and says when MySQL is unreachable", async () => {
    const result = await answer(["--dump", join(dir, "garbled"), "--dry-run"], {
      LEGACY_MYSQL_URL: "mysql://root@127.0.0.1:1/klelite_nowhere",
    })
    expect(result).toMatchObject({ code: 1, lines: 1 })
    expect(result.line).toContain(
      "Cannot reach MySQL/MariaDB at 127.0.0.1:1 (ECONNREFUSED)"
    )
  })

  it("says when the dump folder is not a mongodump", async () => {
    const args = ["--mysql", `${TEST_SERVER}/klelite_unused`, "--dump"]
    const notDump = await answer([...args, join(dir, "not-a-dump")])
    expect(notDump).toMatchObject({ code: 1, lines: 1 })
    expect(notDump.line).toContain("is not a mongodump folder")
    const missing = await answer([...args, join(dir, "missing")])
    expect(missing.line).toMatch(/Dump folder .*missing does not exist/)
  })

  it("says when a dump file is not BSON", async () => {
    const result = await answer([
      "--mysql",
      `${TEST_SERVER}/klelite_unused`,
      "--dump",
      join(dir, "garbled"),
      "--dry-run",
    ])
    expect(result).toMatchObject({ code: 1 })
    expect(result.line).toMatch(/products\.bson is not a BSON dump/)
  })

  it("says when MongoDB is unreachable", async () => {
    const result = await answer([
      "--mongo",
      "mongodb://127.0.0.1:1/klelite",
      "--mysql",
      `${TEST_SERVER}/klelite_unused`,
      "--connect-timeout",
      "300",
    ])
    expect(result).toMatchObject({ code: 1, lines: 1 })
    expect(result.line).toContain(
      "Cannot reach MongoDB at mongodb://127.0.0.1:1/klelite"
    )
  })

  it("refuses a command line it cannot run", async () => {
    expect(await answer([])).toMatchObject({ code: 1, lines: 1 })
    expect((await answer(["--dump", "a", "--mongo", "b"])).line).toContain(
      "not both"
    )
    expect((await answer(["--dump", "a", "--frobnicate"])).line).toContain(
      "frobnicate"
    )
    expect((await answer(["--dump", "a", "--batch-size", "0"])).line).toContain(
      "--batch-size"
    )
  })

  it("says so when stage 2 has no MySQL URL or cannot reach it, before starting Medusa", async () => {
    const none = await answer(["--stage", "2"])
    expect(none).toMatchObject({ code: 1, lines: 1, stdout: "" })
    expect(none.line).toMatch(/^\[klelite\] .*LEGACY_MYSQL_URL is not set/)
    const unreachable = await answer([
      "--stage",
      "2",
      "--mysql",
      "mysql://root@127.0.0.1:1/klelite_legacy",
    ])
    expect(unreachable).toMatchObject({ code: 1, lines: 1, stdout: "" })
    expect(unreachable.line).toMatch(/^\[klelite\] .*Cannot reach MySQL/)
    const dry = await answer(["--stage", "2", "--dry-run"])
    expect(dry).toMatchObject({ code: 1, lines: 1 })
    expect(dry.line).toContain("--dry-run is for stage 1")
  })
})
