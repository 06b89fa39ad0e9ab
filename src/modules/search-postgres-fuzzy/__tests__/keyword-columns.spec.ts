import type { SearchTypes } from "@medusajs/framework/types"
import type { IndexPlan } from "../stock"
import { splitFilters } from "../utils/column-filters"
import { planFacets } from "../utils/facets"
import {
  addKeywordColumns,
  keywordColumns,
  readKeywordColumns,
} from "../utils/keyword-columns"
import {
  readStatement,
  searchStatement,
  type StatementRow,
} from "../utils/statement"
import { plannedField } from "./utils/planned-field"
import { useScratchDatabase } from "./utils/scratch-database"

const DATABASE = "klelite_test_search_keyword_columns"
const TABLE = "search_pg_keyword_test"
const OLD_TABLE = "search_pg_keyword_old"

jest.setTimeout(60_000)

const plan: IndexPlan = {
  fields: new Map([
    plannedField("status", "keyword", { filterable: true }),
    plannedField("sales_channel_ids", "keyword", {
      array: true,
      filterable: true,
    }),
    plannedField("categories", "keyword", {
      array: true,
      filterable: true,
      facetable: true,
    }),
    plannedField("in_stock", "boolean", { filterable: true, facetable: true }),
    plannedField("title", "text"),
  ]),
  searchable: ["title"],
  vectors: [],
  primary_key: "id",
  schema_hash: "test",
}

const CATEGORIES = ["cakes", "breads", "macarons", "tarts", "gifts"]

/** A document of the generated catalogue, as the stock provider indexes it. */
function indexed(i: number, inStock = i % 3 !== 0) {
  return {
    id: `p${i}`,
    title: `${i % 2 ? "Chocolate" : "Lemon"} cake ${i}`,
    status: i % 10 === 0 ? "draft" : "published",
    sales_channel_ids: i % 7 === 0 ? ["sc_b"] : ["sc_a", "sc_b"],
    categories: CATEGORIES.filter((_, c) => (i + c) % 3 === 0),
    in_stock: inStock,
  }
}

describe("keyword columns on a document table", () => {
  const { query, execute } = useScratchDatabase(DATABASE)
  const createTable = (table: string) =>
    query(
      `CREATE TABLE "${table}" ("id" text PRIMARY KEY, "document" jsonb NOT NULL, "indexed" jsonb NOT NULL, "search_vector" tsvector NOT NULL)`
    )
  /** Writes documents the way the stock provider's upsert does. */
  const upsert = (table: string, documents: Record<string, unknown>[]) =>
    execute(
      `INSERT INTO "${table}" ("id", "document", "indexed", "search_vector")
       SELECT d->>'id', d, d, to_tsvector('simple', d->>'title')
       FROM jsonb_array_elements(?::jsonb) AS d
       ON CONFLICT ("id") DO UPDATE SET "indexed" = EXCLUDED."indexed", "document" = EXCLUDED."document"`,
      [JSON.stringify(documents)]
    )

  beforeAll(async () => {
    await createTable(TABLE)
    await createTable(OLD_TABLE)
    await addKeywordColumns(execute, TABLE, plan)
    await upsert(
      TABLE,
      Array.from({ length: 300 }, (_, i) => indexed(i))
    )
  })

  it("are filled by the same upsert that writes `indexed`, updates included", async () => {
    await upsert(TABLE, [{ ...indexed(1), in_stock: false, categories: [] }])
    const [row] = (await execute(
      `SELECT "kw_status", "kw_sales_channel_ids", "kw_categories", "kw_in_stock" FROM "${TABLE}" WHERE "id" = 'p1'`
    )) as Record<string, unknown>[]
    expect(row).toEqual({
      kw_status: "published",
      kw_sales_channel_ids: ["sc_a", "sc_b"],
      kw_categories: [],
      kw_in_stock: "false",
    })
    await upsert(TABLE, [indexed(1)])
  })

  it("are only read where the table has them", async () => {
    expect([
      ...(await readKeywordColumns(execute, TABLE, plan)).keys(),
    ]).toEqual([...keywordColumns(plan).keys()])
    expect((await readKeywordColumns(execute, OLD_TABLE, plan)).size).toEqual(0)
  })

  it("filter the same rows as the stock containment SQL", async () => {
    const columns = keywordColumns(plan)
    const cases: [SearchTypes.SearchFilters, Record<string, unknown>[]][] = [
      [
        { status: "published", sales_channel_ids: ["sc_a"] },
        [{ status: "published" }, { sales_channel_ids: ["sc_a"] }],
      ],
      [
        {
          $and: [
            { categories: { $in: ["cakes", "gifts"] } },
            { in_stock: true },
          ],
        },
        [{ in_stock: true }],
      ],
      [{ in_stock: "false", categories: "tarts" }, [{ in_stock: false }]],
    ]
    for (const [filters, contained] of cases) {
      const split = splitFilters(filters, columns)
      expect(split.rest).toBeUndefined()
      const [viaColumns] = (await execute(
        `SELECT count(*)::int AS n FROM "${TABLE}" WHERE ${split.columns!.sql}`,
        split.columns!.params
      )) as { n: number }[]
      // The stock SQL: one containment per value, ORed for a list.
      const categories = (filters as { $and?: unknown[] }).$and
        ? ["cakes", "gifts"]
        : typeof filters.categories === "string"
          ? [filters.categories]
          : undefined
      const categorySql = categories
        ? ` AND (${categories.map(() => `"indexed" @> ?::jsonb`).join(" OR ")})`
        : ""
      const [viaJsonb] = (await execute(
        `SELECT count(*)::int AS n FROM "${TABLE}"
         WHERE ${contained.map(() => `"indexed" @> ?::jsonb`).join(" AND ")}${categorySql}`,
        [
          ...contained.map((part) => JSON.stringify(part)),
          ...(categories ?? []).map((c) => JSON.stringify({ categories: [c] })),
        ]
      )) as { n: number }[]
      expect(viaColumns.n).toBeGreaterThan(0)
      expect(viaColumns.n).toEqual(viaJsonb.n)
    }
  })

  it("count facets exactly as the jsonb values do, with and without a text match", async () => {
    const columns = await readKeywordColumns(execute, TABLE, plan)
    const requests = [
      { field: "categories", limit: 10 },
      { field: "in_stock", limit: 10 },
    ]
    const run = async (withColumns: boolean, match: boolean) => {
      const facets = planFacets(
        requests,
        plan,
        withColumns ? columns : new Map()
      )
      const statement = searchStatement({
        table: TABLE,
        rankSql: () =>
          `ts_rank_cd("search_vector", to_tsquery('simple', 'chocolate'))`,
        match: match
          ? {
              sql: `"search_vector" @@ to_tsquery('simple', ?)`,
              params: ["chocolate"],
            }
          : undefined,
        filters: {
          sql: `"indexed" @> ?::jsonb`,
          params: ['{"status":"published"}'],
        },
        orderSql: `score DESC NULLS LAST, "id" ASC`,
        ordersByField: false,
        take: 5,
        skip: 0,
        count: true,
        facets,
      })
      const rows = (await execute(
        statement.sql,
        statement.params
      )) as StatementRow[]
      return readStatement(rows[0], facets)
    }
    for (const match of [false, true]) {
      const viaColumns = await run(true, match)
      const viaJsonb = await run(false, match)
      expect(viaColumns.facets?.categories).toEqual(viaJsonb.facets?.categories)
      expect(viaColumns.facets?.in_stock).toEqual(viaJsonb.facets?.in_stock)
      expect(viaColumns.hits.map((hit) => hit.id)).toEqual(
        viaJsonb.hits.map((hit) => hit.id)
      )
      const values = viaColumns.facets?.categories
      expect(values?.type === "value" && values.values.length).toEqual(5)
    }
  })
})
