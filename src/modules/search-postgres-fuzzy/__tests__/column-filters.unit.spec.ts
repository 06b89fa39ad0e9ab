import type { IndexPlan } from "../stock"
import { splitFilters } from "../utils/column-filters"
import { planFacets, facetSourceSql, facetSql } from "../utils/facets"
import { keywordColumns } from "../utils/keyword-columns"
import { plannedField } from "./utils/planned-field"

const plan: IndexPlan = {
  fields: new Map([
    plannedField("status", "keyword", { filterable: true }),
    plannedField("sales_channel_ids", "keyword", {
      array: true,
      filterable: true,
    }),
    plannedField("categories", "keyword", { array: true, facetable: true }),
    plannedField("in_stock", "boolean", { filterable: true, facetable: true }),
    plannedField("seo.slug", "keyword", { filterable: true }),
    plannedField("thumbnail", "keyword"),
    plannedField("title", "text", { filterable: true }),
    plannedField("price_eur", "number", { filterable: true, facetable: true }),
  ]),
  searchable: ["title"],
  vectors: [],
  primary_key: "id",
  schema_hash: "test",
}

describe("keyword columns", () => {
  const columns = keywordColumns(plan)

  it("keeps the filtered and faceted keyword and boolean fields, not text, numbers or unused fields", () => {
    expect([...columns.keys()]).toEqual([
      "status",
      "sales_channel_ids",
      "categories",
      "in_stock",
      "seo.slug",
    ])
    expect(columns.get("seo.slug")?.name).toEqual("kw_seo_slug")
    expect(columns.get("sales_channel_ids")?.is_array).toBe(true)
  })

  it("answers equality and $in on keyword columns, under $and too, and leaves the rest to the stock SQL", () => {
    const split = splitFilters(
      {
        $and: [
          { status: "published", sales_channel_ids: ["sc_1", "sc_2"] },
          { in_stock: "true", "seo.slug": { $in: ["a"] } },
          { categories: { $eq: "cakes" } },
        ],
      },
      columns
    )
    expect(split.columns).toEqual({
      sql: `"kw_status" IN (?) AND "kw_sales_channel_ids" && ARRAY[?, ?]::text[] AND "kw_in_stock" IN (?) AND "kw_seo_slug" IN (?) AND "kw_categories" && ARRAY[?]::text[]`,
      params: ["published", "sc_1", "sc_2", "true", "a", "cakes"],
    })
    expect(split.rest).toBeUndefined()
  })

  it("leaves nulls, empty lists, other operators, $or and fields without a column to the stock SQL", () => {
    const rest = [
      { status: null },
      { sales_channel_ids: [] },
      { "seo.slug": { $ne: "a" } },
      { $or: [{ status: "draft" }] },
      { price_eur: { $lt: 10 } },
      { thumbnail: "x" },
    ]
    const split = splitFilters(
      { q: "choc", in_stock: false, $and: rest },
      columns
    )
    expect(split.columns).toEqual({
      sql: `"kw_in_stock" IN (?)`,
      params: ["false"],
    })
    expect(split.rest).toEqual({ $and: rest })
    expect(splitFilters({ thumbnail: "x" }, columns).rest).toEqual({
      thumbnail: "x",
    })
    expect(splitFilters(undefined, columns)).toEqual({})
  })

  it("counts a value facet from its column: unnest for arrays, the text for scalars", () => {
    const [categories, inStock] = planFacets(
      ["categories", "in_stock"],
      plan,
      columns
    )
    expect(facetSourceSql(categories)).toEqual(`"kw_categories"`)
    expect(facetSql(categories, "v0", [])).toContain(`unnest("v0")`)
    expect(facetSourceSql(inStock)).toEqual(`"kw_in_stock"`)
    expect(facetSql(inStock, "v1", [])).toContain(`SELECT "v1" AS "value"`)

    const [fromJsonb] = planFacets(["categories"], plan)
    expect(facetSourceSql(fromJsonb)).toEqual(`"indexed" #> '{categories}'`)
    expect(facetSql(fromJsonb, "v0", [])).toContain(
      `jsonb_array_elements_text("v0")`
    )
  })
})
