import type { IndexPlan } from "../stock"
import { addKeywordColumns } from "../utils/keyword-columns"
import {
  addWeightedRows,
  clearWeightedRows,
  dropWeightedRows,
  readWeightedRows,
  weightedRowsTable,
} from "../utils/weighted-rows"
import { addWeightedVector } from "../utils/weighted-vector"
import { plannedField } from "./utils/planned-field"
import { useScratchDatabase } from "./utils/scratch-database"

const DATABASE = "klelite_test_search_weighted_rows"
const TABLE = "search_pg_rows_test"
const FILLED = "search_pg_rows_filled"

jest.setTimeout(60_000)

const plan: IndexPlan = {
  fields: new Map([
    plannedField("title", "text", { searchable: { weight: 3 } }),
    plannedField("description", "text", { searchable: true }),
    plannedField("status", "keyword", { filterable: true }),
    plannedField("categories", "keyword", { array: true, facetable: true }),
  ]),
  searchable: ["title", "description"],
  vectors: [],
  primary_key: "id",
  schema_hash: "test",
}

type Mirrored = {
  id: string
  weighted_vector: string
  kw_status: string | null
  kw_categories: string[] | null
}

describe("the weighted rows of a document table", () => {
  const { execute } = useScratchDatabase(DATABASE)

  const createTable = async (table: string) => {
    await execute(
      `CREATE TABLE "${table}" ("id" text PRIMARY KEY, "indexed" jsonb NOT NULL, "search_vector" tsvector NOT NULL)`
    )
    await addKeywordColumns(execute, table, plan)
    await addWeightedVector(execute, table, plan)
  }
  /** Writes a document as the stock provider's upsert does. */
  const upsert = (
    table: string,
    id: string,
    doc: { title: string; text: string; status: string; categories: string[] }
  ) =>
    execute(
      `INSERT INTO "${table}" ("id", "indexed", "search_vector")
       VALUES (?, ?::jsonb, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'D'))
       ON CONFLICT ("id") DO UPDATE SET "indexed" = EXCLUDED."indexed", "search_vector" = EXCLUDED."search_vector"`,
      [
        id,
        JSON.stringify({ status: doc.status, categories: doc.categories }),
        doc.title,
        doc.text,
      ]
    )
  const columns = `"id", "weighted_vector"::text AS "weighted_vector", "kw_status", "kw_categories"`
  const documents = (table: string) =>
    execute(`SELECT ${columns} FROM "${table}" ORDER BY "id"`) as Promise<
      Mirrored[]
    >
  const mirrored = (table: string) =>
    execute(
      `SELECT ${columns} FROM "${weightedRowsTable(table)}" ORDER BY "id"`
    ) as Promise<Mirrored[]>

  beforeAll(async () => {
    await createTable(TABLE)
    await addWeightedRows(execute, TABLE, plan)
  })

  it("mirrors every insert, update and delete of the document table", async () => {
    await upsert(TABLE, "p1", {
      title: "Macaron vanille",
      text: "Vanilla from Madagascar",
      status: "published",
      categories: ["macarons"],
    })
    await upsert(TABLE, "p2", {
      title: "Pain au chocolat",
      text: "Dark chocolate",
      status: "draft",
      categories: ["viennoiserie", "chocolate"],
    })
    expect(await mirrored(TABLE)).toEqual([
      {
        id: "p1",
        weighted_vector: "'macaron':1A 'vanille':2A",
        kw_status: "published",
        kw_categories: ["macarons"],
      },
      {
        id: "p2",
        weighted_vector: "'au':2A 'chocolat':3A 'pain':1A",
        kw_status: "draft",
        kw_categories: ["viennoiserie", "chocolate"],
      },
    ])

    await upsert(TABLE, "p2", {
      title: "Pain aux raisins",
      text: "Raisins",
      status: "published",
      categories: [],
    })
    await execute(`DELETE FROM "${TABLE}" WHERE "id" = ?`, ["p1"])
    expect(await mirrored(TABLE)).toEqual(await documents(TABLE))
    expect((await mirrored(TABLE)).map((row) => row.kw_status)).toEqual([
      "published",
    ])
  })

  it("writes in the same transaction as the document table", async () => {
    await execute("BEGIN")
    await upsert(TABLE, "p3", {
      title: "Royal",
      text: "Chocolate mousse",
      status: "published",
      categories: ["cakes"],
    })
    await execute("ROLLBACK")
    expect((await mirrored(TABLE)).map((row) => row.id)).toEqual(["p2"])
  })

  it("copies the rows of a document table filled before it had weighted rows", async () => {
    await createTable(FILLED)
    await upsert(FILLED, "a", {
      title: "Tarte citron",
      text: "Lemon",
      status: "published",
      categories: ["tartes"],
    })
    expect(await readWeightedRows(execute, FILLED)).toBe(false)

    await addWeightedRows(execute, FILLED, plan)
    // Adding them again (every index upsert does) changes nothing.
    await addWeightedRows(execute, FILLED, plan)

    expect(await readWeightedRows(execute, FILLED)).toBe(true)
    expect(await mirrored(FILLED)).toEqual(await documents(FILLED))
  })

  it("is emptied and dropped with its document table's data", async () => {
    await execute(`TRUNCATE TABLE "${FILLED}"`)
    await clearWeightedRows(execute, FILLED)
    expect(await mirrored(FILLED)).toEqual([])

    await dropWeightedRows(execute, FILLED)
    expect(await readWeightedRows(execute, FILLED)).toBe(false)
    // Nothing is left behind to fire on the document table's writes.
    await upsert(FILLED, "b", {
      title: "Chausson",
      text: "Apple",
      status: "published",
      categories: [],
    })
    expect(await documents(FILLED)).toHaveLength(1)
    await expect(clearWeightedRows(execute, FILLED)).resolves.toBeUndefined()
  })

  it("is not made for an index whose searchable fields all weigh the same", async () => {
    const flat: IndexPlan = {
      ...plan,
      fields: new Map([plannedField("title", "text", { searchable: true })]),
      searchable: ["title"],
    }
    await execute(`CREATE TABLE "search_pg_rows_flat" ("id" text PRIMARY KEY)`)
    await addWeightedRows(execute, "search_pg_rows_flat", flat)
    expect(await readWeightedRows(execute, "search_pg_rows_flat")).toBe(false)
  })
})
