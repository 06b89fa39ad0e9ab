import type { SearchTypes } from "@medusajs/framework/types"
import { toMeiliFilter } from "../utils/filters"
import { buildPlan, synonymMap } from "../utils/plan"

const definition = {
  name: "product",
  entity: "product",
  primary_key: "id",
  provider: "search-meilisearch",
  definition_hash: "x",
  physical_name: "product_v1",
  settings: {},
  seed: async function* () {},
  fields: {
    id: { type: "keyword", filterable: true },
    title: { type: "text", searchable: true },
    tags: { type: "keyword", array: true, filterable: true },
    price: { type: "float", filterable: true },
    created_at: { type: "date", filterable: true },
  },
} satisfies SearchTypes.ResolvedSearchIndexDefinition

const plan = buildPlan(definition)

describe("Meilisearch filters", () => {
  it("writes values as literals, so a value cannot become syntax", () => {
    expect(toMeiliFilter({ id: 'x" OR id EXISTS OR id = "y' }, plan)).toEqual(
      'id = "x\\" OR id EXISTS OR id = \\"y"'
    )
  })

  it("compiles operators, arrays, dates and groups", () => {
    expect(
      toMeiliFilter(
        {
          tags: ["vegan", "gluten-free"],
          price: { $gte: 10, $lt: 20 },
          created_at: { $gt: "2026-01-01T00:00:00.000Z" },
          $or: [{ id: null }, { $not: { tags: { $contains: ["a", "b"] } } }],
        },
        plan
      )
    ).toEqual(
      'tags IN ["vegan", "gluten-free"] AND (price >= 10 AND price < 20) AND created_at > 1767225600000 AND (id IS NULL OR NOT ((tags = "a" AND tags = "b")))'
    )
  })

  it("refuses what it cannot express", () => {
    expect(() => toMeiliFilter({ title: { $like: "%a%" } }, plan)).toThrow(
      /does not support operator "\$like"/
    )
    expect(() => toMeiliFilter({ tags: { $gt: "a" } }, plan)).toThrow(
      /array field "tags"/
    )
    expect(() => toMeiliFilter({ nope: 1 }, plan)).toThrow(
      /Unknown filter field/
    )
  })

  it("turns synonym groups into Meilisearch's mutual map", () => {
    expect(synonymMap([["Gateau", "cake"]])).toEqual({
      gateau: ["cake"],
      cake: ["gateau"],
    })
  })
})
