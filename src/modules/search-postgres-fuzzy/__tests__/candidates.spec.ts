import type { IndexPlan } from "../stock"
import { CANDIDATE_LIMIT, candidatePreScore } from "../utils/candidates"
import { planFacets } from "../utils/facets"
import {
  readStatement,
  searchStatement,
  type StatementRow,
} from "../utils/statement"
import { plannedField } from "./utils/planned-field"
import { useScratchDatabase } from "./utils/scratch-database"

const DATABASE = "klelite_test_search_candidates"
const TABLE = "search_pg_candidates_test"

jest.setTimeout(60_000)

const plan: IndexPlan = {
  fields: new Map([
    plannedField("title", "text", { searchable: { weight: 3 } }),
    plannedField("description", "text", { searchable: true }),
    plannedField("categories", "keyword", { array: true, facetable: true }),
  ]),
  searchable: ["title", "description"],
  vectors: [],
  primary_key: "id",
  schema_hash: "test",
}

/**
 * 250 products that only mention a cherry in their description, then the
 * products with a "ch" word in their title, the intended one last by id.
 */
function catalogue() {
  const rows = Array.from({ length: 250 }, (_, i) => ({
    title: `Lemon tart ${i}`,
    description: "A cherry on top",
    categories: ["tarts"],
  }))
  for (let i = 0; i < 20; i++) {
    rows.push({
      title: `Cherry cake ${i}`,
      description: "Cake",
      categories: ["cakes", "seasonal"],
    })
  }
  rows.push({
    title: "Cherry chocolate charlotte",
    description: "Chilled",
    categories: ["cakes"],
  })
  return rows.map((row, i) => ({
    id: `p${String(i).padStart(3, "0")}`,
    ...row,
  }))
}

describe("ranking a short prefix from a candidate set", () => {
  const { query, execute } = useScratchDatabase(DATABASE)

  beforeAll(async () => {
    await query(
      `CREATE TABLE "${TABLE}" ("id" text PRIMARY KEY, "document" jsonb NOT NULL, "indexed" jsonb NOT NULL, "search_vector" tsvector NOT NULL)`
    )
    await execute(
      `INSERT INTO "${TABLE}"
       SELECT d->>'id', d, d,
         setweight(to_tsvector('simple', d->>'title'), 'A') ||
         setweight(to_tsvector('simple', d->>'description'), 'D')
       FROM jsonb_array_elements(?::jsonb) AS d`,
      [JSON.stringify(catalogue())]
    )
  })

  const search = async (bounded: boolean) => {
    const candidates = candidatePreScore(
      {
        terms: [{ term: "ch", prefix: true, synonyms: [], corrections: [] }],
        full: "'ch':*",
        closeness: [],
      },
      plan,
      { vector: `"search_vector"`, tsConfig: "simple", window: 5 }
    )
    expect(candidates).toBeDefined()
    const facets = planFacets([{ field: "categories", limit: 10 }], plan)
    const statement = searchStatement({
      table: TABLE,
      rankSql: (params) => {
        params.push("'ch':*")
        return `ts_rank_cd("search_vector", to_tsquery('simple', ?), 32)`
      },
      match: {
        sql: `"search_vector" @@ to_tsquery('simple', ?)`,
        params: ["'ch':*"],
      },
      orderSql: `score DESC NULLS LAST, "id" ASC`,
      ordersByField: false,
      take: 5,
      skip: 0,
      count: true,
      facets,
      candidates: bounded ? candidates : undefined,
    })
    const rows = (await execute(
      statement.sql,
      statement.params
    )) as StatementRow[]
    return readStatement(rows[0], facets)
  }

  it("still ranks the intended product first, title matches next, with exact counts and facets", async () => {
    const matches = 271
    expect(matches).toBeGreaterThan(CANDIDATE_LIMIT)

    const bounded = await search(true)
    const full = await search(false)

    expect(bounded.hits[0].document.title).toEqual("Cherry chocolate charlotte")
    expect(bounded.hits.map((hit) => hit.id)).toEqual(
      full.hits.map((hit) => hit.id)
    )
    for (const hit of bounded.hits.slice(1)) {
      expect(hit.document.title).toMatch(/^Cherry cake/)
    }
    expect(bounded.count).toEqual(matches)
    expect(full.count).toEqual(matches)
    expect(bounded.facets).toEqual(full.facets)
    expect(bounded.facets?.categories).toEqual({
      type: "value",
      values: [
        { value: "tarts", count: 250 },
        { value: "cakes", count: 21 },
        { value: "seasonal", count: 20 },
      ],
    })
  })
})
