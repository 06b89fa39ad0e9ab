import { mkdtemp, rm, truncate, writeFile } from "fs/promises"
import { tmpdir } from "os"
import { join } from "path"
import { BSON, type Document } from "bson"
import { readDumpCollection } from "../dump/read-dump"
import { buildOrder } from "../fixture/builders/orders"
import { buildUser } from "../fixture/builders/users"
import type { FixtureCounts } from "../fixture/context"
import { generateFixture } from "../fixture/generate"

const counts: FixtureCounts = {
  users: 300,
  products: 40,
  orders: 250,
  reviews: 0,
  loyaltytransactions: 0,
  flashsales: 0,
}
const ctx = { seed: 5, counts, problemScale: 1 }

let dir: string

function sameBytes(a: Document, b: Document): boolean {
  return Buffer.from(BSON.serialize(a)).equals(BSON.serialize(b))
}

async function readAll(path: string, chunkSize?: number) {
  const documents: Document[] = []
  for await (const document of readDumpCollection(path, { chunkSize })) {
    documents.push(document)
  }
  return documents
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "klelite-read-dump-"))
  await generateFixture({ outDir: dir, seed: ctx.seed, counts })
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe("readDumpCollection", () => {
  it.each([64, 4096, undefined])(
    "gives back the generated documents byte for byte (chunks of %p bytes)",
    async (chunkSize) => {
      const users = await readAll(join(dir, "klelite", "users.bson"), chunkSize)
      const orders = await readAll(
        join(dir, "klelite", "orders.bson"),
        chunkSize
      )

      expect(users).toHaveLength(counts.users)
      expect(orders).toHaveLength(counts.orders)
      const differ = [
        ...users.filter(
          (user, i) => !sameBytes(user, buildUser(ctx, i).document)
        ),
        ...orders.filter(
          (order, i) => !sameBytes(order, buildOrder(ctx, i).document)
        ),
      ]
      expect(differ).toEqual([])
    }
  )

  it("reads an empty collection as no documents", async () => {
    expect(await readAll(join(dir, "klelite", "reviews.bson"))).toEqual([])
  })

  it("rejects a file cut in the middle of a document", async () => {
    const path = join(dir, "cut.bson")
    await writeFile(path, BSON.serialize({ a: 1 }))
    await writeFile(path, BSON.serialize({ b: "two" }), { flag: "a" })
    await truncate(path, 20)
    await expect(readAll(path)).rejects.toThrow(
      /is truncated: 8 bytes after the last whole document \(byte 12\)/
    )
  })

  it("rejects a file that is not BSON", async () => {
    const path = join(dir, "notes.bson")
    await writeFile(path, "these are not documents")
    await expect(readAll(path)).rejects.toThrow(
      /is not a BSON dump: document length \d+ at byte 0/
    )
  })

  it("lets a reader stop early", async () => {
    const first: Document[] = []
    for await (const user of readDumpCollection(
      join(dir, "klelite", "users.bson")
    )) {
      first.push(user)
      if (first.length === 3) {
        break
      }
    }
    expect(first.map((user) => user._id.toHexString())).toEqual(
      [0, 1, 2].map((i) => buildUser(ctx, i).document._id.toHexString())
    )
  })
})
