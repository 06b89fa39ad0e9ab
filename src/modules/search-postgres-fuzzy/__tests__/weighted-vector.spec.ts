import type { IndexPlan } from "../stock"
import { mergePendingEntries } from "../utils/gin"
import {
  addWeightedVector,
  readWeightedVector,
  searchesWeightedFields,
  WEIGHTED_LABELS,
  weightedFields,
} from "../utils/weighted-vector"
import { plannedField } from "./utils/planned-field"
import { useScratchDatabase } from "./utils/scratch-database"

const DATABASE = "klelite_test_search_weighted_vector"
const TABLE = "search_pg_weighted_test"
const OLD_TABLE = "search_pg_weighted_old"

jest.setTimeout(60_000)

const plan: IndexPlan = {
  fields: new Map([
    plannedField("title", "text", { searchable: { weight: 3 } }),
    plannedField("category_names", "text", {
      array: true,
      searchable: { weight: 2 },
    }),
    plannedField("description", "text", { searchable: true }),
  ]),
  searchable: ["title", "category_names", "description"],
  vectors: [],
  primary_key: "id",
  schema_hash: "test",
}

describe("the weighted vector of a document table", () => {
  const { query, execute } = useScratchDatabase(DATABASE)
  const createTable = (table: string) =>
    query(
      `CREATE TABLE "${table}" ("id" text PRIMARY KEY, "search_vector" tsvector NOT NULL)`
    )
  /** Weighs the words as the stock provider does: title A, categories B, description D. */
  const upsert = (id: string, title: string, category: string, text: string) =>
    execute(
      `INSERT INTO "${TABLE}" ("id", "search_vector")
       VALUES (?, setweight(to_tsvector('simple', ?), 'A')
         || setweight(to_tsvector('simple', ?), 'B')
         || setweight(to_tsvector('simple', ?), 'D'))
       ON CONFLICT ("id") DO UPDATE SET "search_vector" = EXCLUDED."search_vector"`,
      [id, title, category, text]
    )
  const matching = async (tsquery: string) =>
    (
      (await execute(
        `SELECT "id" FROM "${TABLE}" WHERE "weighted_vector" @@ to_tsquery('simple', ?) ORDER BY "id"`,
        [tsquery]
      )) as { id: string }[]
    ).map((row) => row.id)

  beforeAll(async () => {
    await createTable(TABLE)
    await createTable(OLD_TABLE)
    await addWeightedVector(execute, TABLE, plan)
    await upsert("p1", "Macaron vanille", "Macarons", "Vanilla from Madagascar")
    await upsert("p2", "Pain au chocolat", "Viennoiserie", "Dark chocolate")
    await upsert("p3", "Royal", "Cakes", "Macaron crumbs on a chocolate mousse")
  })

  it("holds the words of the weighted fields only, kept current by writes", async () => {
    expect(await matching("macaron:*")).toEqual(["p1"])
    expect(await matching("viennoiserie")).toEqual(["p2"])
    expect(await matching("madagascar")).toEqual([])

    await upsert("p3", "Royal macaron", "Cakes", "Chocolate mousse")
    expect(await matching("macaron:*")).toEqual(["p1", "p3"])
  })

  it("matches what the weighted lexemes of the stored vector match", async () => {
    for (const tsquery of ["macaron:*", "madagascar", "chocolate", "cakes"]) {
      const filtered = (
        (await execute(
          `SELECT "id" FROM "${TABLE}"
           WHERE "search_vector" @@ to_tsquery('simple', ?)
             AND ts_filter("search_vector", '${WEIGHTED_LABELS}') @@ to_tsquery('simple', ?)
           ORDER BY "id"`,
          [tsquery, tsquery]
        )) as { id: string }[]
      ).map((row) => row.id)
      expect(filtered).toEqual(await matching(tsquery))
    }
  })

  it("is indexed, and its pending entries are merged with the others", async () => {
    const [index] = (await execute(
      `SELECT indexdef FROM pg_indexes WHERE tablename = ? AND indexname = ?`,
      [TABLE, `${TABLE}_weighted_idx`]
    )) as { indexdef: string }[]
    expect(index.indexdef).toContain("USING gin (weighted_vector)")
    await expect(
      mergePendingEntries(execute, TABLE)
    ).resolves.toBeGreaterThanOrEqual(0)
  })

  it("is found on tables that have it only", async () => {
    expect(await readWeightedVector(execute, TABLE)).toBe(true)
    expect(await readWeightedVector(execute, OLD_TABLE)).toBe(false)
    expect(await readWeightedVector(execute, "search_pg_missing")).toBe(false)
  })

  it("serves searches on exactly the weighted fields", () => {
    expect(weightedFields(plan)).toEqual(["title", "category_names"])
    expect(searchesWeightedFields(["category_names", "title"], plan)).toBe(true)
    expect(searchesWeightedFields(["title"], plan)).toBe(false)
    expect(searchesWeightedFields(["title", "description"], plan)).toBe(false)
    expect(searchesWeightedFields(undefined, plan)).toBe(false)
    const flat: IndexPlan = {
      ...plan,
      fields: new Map([plannedField("title", "text", { searchable: true })]),
      searchable: ["title"],
    }
    expect(weightedFields(flat)).toEqual([])
    expect(searchesWeightedFields(["title"], flat)).toBe(false)
  })
})
