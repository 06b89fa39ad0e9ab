import { rm } from "fs/promises"
import type { Connection } from "mariadb"
import { runCli } from "./support/cli"
import { oid, order, product, user, writeDump } from "./support/hand-dump"
import { connectServer, databaseUrl, uniqueDatabase } from "./support/mysql"

jest.setTimeout(30_000)

const database = uniqueDatabase("changes")
const url = databaseUrl(database)
const dumps: string[] = []
let admin: Connection

async function migrate(dump: string) {
  dumps.push(dump)
  const result = await runCli(["--dump", dump, "--mysql", url])
  expect(result.stderr).not.toContain("[klelite]")
  return result
}

function rows(sql: string) {
  return admin.query(sql.replace(/\bdb\./g, `\`${database}\`.`))
}

beforeAll(async () => {
  admin = await connectServer()
})

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``)
  await admin.end()
  await Promise.all(dumps.map((d) => rm(d, { recursive: true, force: true })))
})

describe("documents migrated again after they changed", () => {
  it("quarantines a document whose slug or SKU another one holds", async () => {
    const { report } = await migrate(
      await writeDump({
        products: [
          product(1, "eclair", ["A", "B"]),
          product(2, "tarte", ["C"]),
          product(3, "ÉCLAIR", ["D"]),
          product(4, "brioche", ["a"]),
          product(5, "chausson", ["E", "E"]),
        ],
        users: [user(10, [oid(1), oid(2)])],
        orders: [
          order(20, oid(10), [
            [oid(1), "A"],
            [oid(2), "C"],
            [oid(1), "B"],
          ]),
        ],
      })
    )
    const products = report?.collections.find(
      (c) => c.collection === "products"
    )
    expect(products).toMatchObject({
      written: 2,
      quarantined: 3,
      reasons: { duplicate_key: 3 },
    })
    expect(
      await rows(
        `SELECT legacy_id, detail FROM db.quarantine_records ORDER BY legacy_id`
      )
    ).toEqual([
      {
        legacy_id: String(oid(3)),
        detail: `slug "ÉCLAIR" already belongs to product ${oid(1)}`,
      },
      {
        legacy_id: String(oid(4)),
        detail: `SKU "a" already belongs to product ${oid(1)} (variant 0)`,
      },
      {
        legacy_id: String(oid(5)),
        detail: `SKU "E" already belongs to product ${oid(5)} (variant 0)`,
      },
    ])
    expect(report?.ok).toBe(true)
  })

  it("updates rows in place and drops the children a document lost", async () => {
    const before = await rows(
      `SELECT i.id, i.position, i.variant_id FROM db.order_items i ORDER BY i.position`
    )
    expect(before).toHaveLength(3)
    expect(before.every((i: { variant_id: number }) => i.variant_id)).toBe(true)

    const { report } = await migrate(
      await writeDump({
        products: [
          product(1, "eclair", ["A"]),
          product(2, "tarte", ["C"]),
          product(3, "eclair-au-cafe", ["D"]),
        ],
        users: [{ ...user(10, [oid(2)]), addresses: [] }],
        orders: [
          order(20, oid(10), [
            [oid(1), "A"],
            [oid(2), "C"],
          ]),
        ],
      })
    )
    expect(report).toMatchObject({ ok: true, resumed: false })
    const after = await rows(
      `SELECT i.id, i.position, i.variant_id FROM db.order_items i ORDER BY i.position`
    )
    expect(after).toEqual(before.slice(0, 2))
    expect(
      await rows(`SELECT v.sku FROM db.product_variants v ORDER BY v.sku`)
    ).toEqual([{ sku: "A" }, { sku: "C" }, { sku: "D" }])
    // Fixed at the source, product 3 migrates and leaves the quarantine.
    expect(
      await rows(
        `SELECT legacy_id FROM db.quarantine_records ORDER BY legacy_id`
      )
    ).toEqual([{ legacy_id: String(oid(4)) }, { legacy_id: String(oid(5)) }])
    expect(
      await rows(`SELECT COUNT(*) AS n FROM db.customer_addresses`)
    ).toEqual([{ n: 0n }])
    expect(
      await rows(
        `SELECT p.legacy_id FROM db.wishlist_items w JOIN db.products p ON p.id = w.product_id`
      )
    ).toEqual([{ legacy_id: String(oid(2)) }])
    expect(await rows(`SELECT total FROM db.orders`)).toEqual([
      { total: "18.00" },
    ])
  })

  it("keeps a product whose variants moved, each variant with its id", async () => {
    const variants = () =>
      rows(
        `SELECT v.id, v.sku, v.position FROM db.product_variants v
         JOIN db.products p ON p.id = v.product_id
         WHERE p.legacy_id = '${oid(1)}' ORDER BY v.sku`
      )
    const [a] = await variants()
    const dump = (skus: string[]) =>
      writeDump({
        products: [
          product(1, "eclair", skus),
          product(2, "tarte", ["C"]),
          product(3, "eclair-au-cafe", ["D"]),
        ],
        users: [{ ...user(10, [oid(2)]), addresses: [] }],
        orders: [
          order(20, oid(10), [
            [oid(1), "A"],
            [oid(2), "C"],
          ]),
        ],
      })

    const shifted = await migrate(await dump(["B", "A"]))
    expect(shifted.report).toMatchObject({ ok: true })
    const [movedA, b] = await variants()
    expect(movedA).toEqual({ id: a.id, sku: "A", position: 1 })
    expect(b).toMatchObject({ sku: "B", position: 0 })

    const swapped = await migrate(await dump(["A", "B"]))
    expect(swapped.report).toMatchObject({ ok: true })
    expect(await variants()).toEqual([
      { id: a.id, sku: "A", position: 0 },
      { id: b.id, sku: "B", position: 1 },
    ])
    expect(
      await rows(
        `SELECT legacy_id FROM db.quarantine_records ORDER BY legacy_id`
      )
    ).toEqual([{ legacy_id: String(oid(4)) }, { legacy_id: String(oid(5)) }])
    expect(
      await rows(
        `SELECT v.sku FROM db.order_items i JOIN db.product_variants v ON v.id = i.variant_id ORDER BY i.position`
      )
    ).toEqual([{ sku: "A" }, { sku: "C" }])
  })
})
