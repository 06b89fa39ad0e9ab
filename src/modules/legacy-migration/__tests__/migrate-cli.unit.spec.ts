import { mkdtemp, rm } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import { ObjectId } from "bson"
import { parseMigrateArgs, UsageError } from "../cli/args"
import { progressLine, progressPrinter } from "../cli/progress"
import { DumpSource } from "../source/dump-source"
import type { ProgressEvent } from "../run/migrate"
import { oid, product, writeDump } from "./support/hand-dump"

describe("migrate:legacy arguments", () => {
  it("read the flags, with LEGACY_* variables as defaults", () => {
    expect(
      parseMigrateArgs(["--dump", "d", "--batch-size", "500"], {
        LEGACY_MYSQL_URL: "mysql://root@h/db",
        LEGACY_MONGO_URL: "mongodb://ignored",
      })
    ).toEqual({
      stage: 1,
      source: { kind: "dump", path: "d", database: "klelite" },
      mysqlUrl: "mysql://root@h/db",
      dryRun: false,
      restart: false,
      batchSize: 500,
      progressEvery: 100000,
    })
    expect(
      parseMigrateArgs(["--dry-run"], { LEGACY_MONGO_URL: "mongodb://m/k" })
    ).toMatchObject({
      dryRun: true,
      source: { kind: "mongo", uri: "mongodb://m/k", timeoutMs: 5000 },
    })
  })

  it("refuse what cannot run", () => {
    expect(() => parseMigrateArgs([], {})).toThrow(UsageError)
    expect(() => parseMigrateArgs(["--stage", "3"], {})).toThrow(/--stage/)
    expect(parseMigrateArgs(["--stage", "2"], {})).toMatchObject({ stage: 2 })
  })
})

describe("progress lines", () => {
  const event = (phase: ProgressEvent["phase"], processed: number) => ({
    collection: "orders" as const,
    phase,
    processed,
    total: 40_000,
    read: processed - 1000,
    elapsedMs: 2000,
  })

  it("show count, share, rate and ETA", () => {
    expect(progressLine(event("batch", 11_000))).toMatch(
      /^orders\s+11,000 \/ 40,000\s+28%\s+5,000 docs\/s\s+ETA 6s$/
    )
    expect(progressLine(event("done", 40_000))).toMatch(/done in 2s$/)
  })

  it("rewrite one line on a terminal, and print every N documents otherwise", () => {
    let tty = ""
    const onTty = progressPrinter({ isTTY: true, write: (t) => (tty += t) }, 10)
    onTty(event("batch", 5000))
    expect(tty).toMatch(/^\r.*\u001b\[K$/)

    const lines: string[] = []
    const onPipe = progressPrinter({ write: (t) => lines.push(t) }, 10_000)
    ;[
      event("start", 1000),
      event("batch", 6000),
      event("batch", 11_000),
      event("batch", 16_000),
      event("done", 40_000),
    ].forEach(onPipe)
    expect(lines.map((l) => l.split(/\s+/)[1])).toEqual([
      "1,000",
      "11,000",
      "40,000",
    ])
  })
})

describe("the dump source", () => {
  it("resumes after a checkpoint and notices a dump that changed", async () => {
    const dir = await writeDump({
      products: [1, 2, 3, 4].map((n) => product(n, `p${n}`, [`S${n}`])),
    })
    try {
      const source = new DumpSource(dir)
      await source.open()
      expect(await source.count("products")).toBe(4)
      const ids: ObjectId[] = []
      for await (const d of source.read("products", {
        lastId: String(oid(2)),
        position: 2,
      })) {
        ids.push(d._id)
      }
      expect(ids.map(String)).toEqual([String(oid(3)), String(oid(4))])
      const stale = source.read("products", {
        lastId: String(oid(9)),
        position: 2,
      })
      await expect(stale[Symbol.asyncIterator]().next()).rejects.toThrow(
        /changed since the interrupted run/
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it("accepts the dump root or its database folder, and nothing else", async () => {
    const empty = await mkdtemp(join(tmpdir(), "klelite-empty-"))
    const dir = await writeDump({})
    try {
      await expect(new DumpSource(dir).open()).resolves.toBeUndefined()
      await expect(
        new DumpSource(join(dir, "klelite")).open()
      ).resolves.toBeUndefined()
      await expect(new DumpSource(empty).open()).rejects.toThrow(
        /is not a mongodump folder/
      )
    } finally {
      await rm(empty, { recursive: true, force: true })
      await rm(dir, { recursive: true, force: true })
    }
  })
})
