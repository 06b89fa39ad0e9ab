import type { IndexPlan } from "../stock"
import { planFacets } from "../utils/facets"
import { readStatement, searchStatement } from "../utils/statement"
import { remember, TtlCache } from "../utils/ttl-cache"
import { plannedField } from "./utils/planned-field"

const plan: IndexPlan = {
  fields: new Map([
    plannedField("categories", "keyword", { array: true, facetable: true }),
    plannedField("price_eur", "number", { type: "float", facetable: true }),
    plannedField("title", "text"),
  ]),
  searchable: ["title"],
  vectors: [],
  primary_key: "id",
  schema_hash: "test",
}

/** Placeholders and their values must line up, in text order. */
function placeholders(sql: string) {
  return sql.split("?").length - 1
}

describe("one-statement search", () => {
  it("refuses facets on fields that are not facetable or not numeric", () => {
    expect(() => planFacets(["title"], plan)).toThrow(/not facetable/)
    expect(() => planFacets(["nope"], plan)).toThrow(/not facetable/)
    expect(() =>
      planFacets([{ field: "categories", type: "stats" }], plan)
    ).toThrow(/numeric/)
  })

  it("binds every value in the order its placeholder appears", () => {
    const facets = planFacets(
      [
        { field: "categories", limit: 5, query: "mac" },
        {
          field: "price_eur",
          type: "range",
          ranges: [{ to: 20 }, { from: 20, to: 50 }, { from: 50 }],
        },
        { field: "price_eur", type: "stats" },
      ],
      plan
    )
    const statement = searchStatement({
      table: "search_pg_product",
      rankSql: (params) => {
        params.push("rank-query")
        return "ts_rank(x, ?)"
      },
      match: { sql: `"search_vector" @@ ?`, params: ["match"] },
      filters: { sql: `x = ?`, params: [7] },
      orderSql: `score DESC, "id" ASC`,
      ordersByField: false,
      take: 10,
      skip: 20,
      count: true,
      facets,
    })

    expect(placeholders(statement.sql)).toEqual(statement.params.length)
    expect(statement.params).toEqual([
      "rank-query",
      "match",
      7,
      10,
      20,
      "mac%",
      5,
      20,
      20,
      50,
      50,
    ])
    expect(statement.sql).toContain("count(*)::int FROM m")
    // The filters apply to what the text match found, outside its scan.
    expect(statement.sql).toContain(
      `FROM (SELECT * FROM "search_pg_product" WHERE "search_vector" @@ ? OFFSET 0) d WHERE x = ?)`
    )
  })

  it("filters the whole table when there are no words to match", () => {
    const statement = searchStatement({
      table: "t",
      rankSql: () => "0::float4",
      filters: {
        sql: `"indexed" @> ?::jsonb`,
        params: ['{"status":"published"}'],
      },
      orderSql: `"id" ASC`,
      ordersByField: false,
      take: 1,
      skip: 0,
      count: true,
      facets: [],
    })
    expect(statement.sql).toContain(`FROM "t" WHERE "indexed" @> ?::jsonb)`)
    expect(statement.params).toEqual(['{"status":"published"}', 1, 0])
  })

  it("carries the score and the faceted values through the matched rows, not `indexed`, unless a field sort reads it", () => {
    const facets = planFacets(
      [
        "categories",
        { field: "price_eur", type: "range", ranges: [{ to: 20 }] },
      ],
      plan
    )
    const build = (ordersByField: boolean) =>
      searchStatement({
        table: "t",
        rankSql: () => "1",
        orderSql: ordersByField
          ? `("indexed"#>>'{price_eur}')::float8 ASC`
          : `score DESC, "id" ASC`,
        ordersByField,
        take: 5,
        skip: 0,
        count: false,
        facets,
      }).sql
    const matched = (sql: string) => sql.slice(0, sql.indexOf(" FROM "))

    expect(matched(build(false))).toEqual(
      `WITH m AS MATERIALIZED (SELECT "id", 1 AS score, "indexed" #> '{categories}' AS "v0", ("indexed" #>> '{price_eur}')::float8 AS "v1"`
    )
    expect(build(false)).toContain(`jsonb_array_elements_text("v0")`)
    expect(build(false)).toContain(`count(*) FILTER (WHERE "v1" < ?)`)
    expect(matched(build(true))).toContain(`1 AS score, "indexed", `)
    // The page is a bounded sort; only its rows are numbered.
    expect(build(false)).toContain(
      `FROM (SELECT * FROM m ORDER BY score DESC, "id" ASC LIMIT ? OFFSET ?) top`
    )
  })

  it("ranks only the candidates a pre-score puts first, and still counts and facets every match", () => {
    const facets = planFacets(["categories"], plan)
    const statement = searchStatement({
      table: "t",
      rankSql: (params) => {
        params.push("rank-query")
        return "ts_rank(x, ?)"
      },
      match: { sql: `"search_vector" @@ ?`, params: ["match"] },
      filters: { sql: `x = ?`, params: [7] },
      orderSql: `score DESC NULLS LAST, "id" ASC`,
      ordersByField: false,
      take: 5,
      skip: 0,
      count: true,
      facets,
      candidates: {
        limit: 100,
        preScoreSql: (params) => {
          params.push("title-query")
          return "(x @@ ?)::int"
        },
      },
    })
    expect(placeholders(statement.sql)).toEqual(statement.params.length)
    expect(statement.params).toEqual([
      "title-query",
      "match",
      7,
      "rank-query",
      100,
      5,
      0,
      10,
    ])
    expect(statement.sql).toContain(
      `WITH m AS MATERIALIZED (SELECT "id", (x @@ ?)::int AS prescore, "indexed" #> '{categories}' AS "v0" FROM`
    )
    expect(statement.sql).toContain(
      `r AS MATERIALIZED (SELECT d."id", ts_rank(x, ?) AS score`
    )
    expect(statement.sql).toContain(
      `FROM (SELECT "id" FROM m ORDER BY prescore DESC, "id" LIMIT ?) c`
    )
    expect(statement.sql).toContain(`FROM (SELECT * FROM r ORDER BY`)
    expect(statement.sql).toContain(`(SELECT count(*)::int FROM m)`)
    expect(statement.sql).toContain(
      `jsonb_array_elements_text("v0") AS "value" FROM m`
    )

    // A field sort ranks nothing: every match is sorted by the field.
    const sorted = searchStatement({
      table: "t",
      rankSql: () => "1",
      orderSql: `("indexed"#>>'{price_eur}')::float8 ASC`,
      ordersByField: true,
      take: 5,
      skip: 0,
      count: false,
      facets: [],
      candidates: { limit: 100, preScoreSql: () => "1" },
    })
    expect(sorted.sql).not.toContain("prescore")
  })

  it("matches and ranks on a narrower source table, and reads documents from the document table", () => {
    const statement = searchStatement({
      table: "t",
      source: "t_weighted_rows",
      rankSql: () => "ts_rank(x, 'q')",
      match: { sql: `"weighted_vector" @@ ?`, params: ["match"] },
      orderSql: `score DESC NULLS LAST, "id" ASC`,
      ordersByField: false,
      take: 5,
      skip: 0,
      count: false,
      facets: [],
      candidates: { limit: 100, preScoreSql: () => "1" },
    })
    expect(statement.sql).toContain(
      `FROM (SELECT * FROM "t_weighted_rows" WHERE "weighted_vector" @@ ? OFFSET 0) d`
    )
    expect(statement.sql).toContain(
      `JOIN "t_weighted_rows" d ON d."id" = c."id"`
    )
    expect(statement.sql).toContain(`JOIN "t" d ON d."id" = page."id"`)
    expect(statement.sql).not.toContain(`FROM "t" WHERE`)
  })

  it("leaves out the page and the count when none is asked for", () => {
    const statement = searchStatement({
      table: "t",
      rankSql: () => "0::float4",
      orderSql: `"id" ASC`,
      ordersByField: false,
      take: 0,
      skip: 0,
      count: false,
      facets: [],
    })
    expect(statement.params).toEqual([])
    expect(statement.sql).not.toContain("LIMIT")
    expect(statement.sql).not.toContain("count(*)")
  })

  it("reads hits, count and facets back in the Search Module's shape", () => {
    const facets = planFacets(
      [
        "categories",
        { field: "price_eur", type: "range", ranges: [{ key: "low", to: 20 }] },
      ],
      plan
    )
    const result = readStatement(
      {
        hits: [{ id: "p1", document: '{"title":"Croissant"}', score: 1.5 }],
        count: 12,
        f0: [{ value: "viennoiseries", count: 12 }],
        f1: [4],
      },
      facets
    )
    expect(result).toEqual({
      hits: [{ id: "p1", document: { title: "Croissant" }, score: 1.5 }],
      count: 12,
      facets: {
        categories: {
          type: "value",
          values: [{ value: "viennoiseries", count: 12 }],
        },
        price_eur: {
          type: "range",
          ranges: [{ key: "low", from: undefined, to: 20, count: 4 }],
        },
      },
    })
  })
})

describe("TtlCache", () => {
  it("shares one load per key and forgets a failed one", async () => {
    const cache = new TtlCache<Promise<number>>(10, 60_000)
    const load = jest.fn().mockResolvedValue(7)
    const both = [remember(cache, "a", load), remember(cache, "a", load)]
    await expect(Promise.all(both)).resolves.toEqual([7, 7])
    expect(load).toHaveBeenCalledTimes(1)

    const failing = jest
      .fn()
      .mockRejectedValueOnce(new Error("down"))
      .mockResolvedValueOnce(8)
    await expect(remember(cache, "b", failing)).rejects.toThrow("down")
    await expect(remember(cache, "b", failing)).resolves.toEqual(8)
    expect(failing).toHaveBeenCalledTimes(2)
  })

  it("forgets the least recently used entry beyond its size", () => {
    const cache = new TtlCache<number>(2, 60_000)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toEqual(1)
    cache.set("c", 3)
    expect(cache.get("b")).toBeUndefined()
    expect(cache.get("a")).toEqual(1)
    expect(cache.get("c")).toEqual(3)
  })

  it("expires entries after their time to live", () => {
    const now = jest.spyOn(Date, "now").mockReturnValue(1_000)
    const cache = new TtlCache<number>(10, 500)
    cache.set("a", 1)
    now.mockReturnValue(1_400)
    expect(cache.get("a")).toEqual(1)
    now.mockReturnValue(1_600)
    expect(cache.get("a")).toBeUndefined()
    now.mockRestore()
  })
})
