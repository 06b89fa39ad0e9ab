import type { IndexPlan, PlannedField } from "../stock"
import type { ExpandedTerm, QueryExpansion } from "../types"
import {
  CANDIDATE_LIMIT,
  candidatePreScore,
  topWeightLabel,
} from "../utils/candidates"
import { buildTsQuery } from "../utils/tsquery"

function text(path: string, weight?: number): [string, PlannedField] {
  return [
    path,
    {
      path,
      kind: "text",
      is_array: false,
      is_date: false,
      field: {
        type: "text",
        searchable: weight ? { weight } : true,
      } as PlannedField["field"],
    },
  ]
}

function planOf(fields: [string, PlannedField][]): IndexPlan {
  return {
    fields: new Map(fields),
    searchable: fields.map(([path]) => path),
    vectors: [],
    primary_key: "id",
    schema_hash: "test",
  }
}

const plan = planOf([text("title", 3), text("subtitle", 2), text("body")])

function expansion(terms: ExpandedTerm[]): QueryExpansion {
  return { terms, full: "", closeness: [] }
}

const options = { vector: `"search_vector"`, tsConfig: "simple", window: 5 }

describe("candidate sets of short prefixes", () => {
  it("matches the heaviest fields with weight labels", () => {
    expect(topWeightLabel(plan)).toEqual("A")
    expect(topWeightLabel(planOf([text("title", 2), text("body")]))).toEqual(
      "B"
    )
    expect(topWeightLabel(planOf([text("title"), text("body")]))).toBe(
      undefined
    )
    expect(
      buildTsQuery(
        [
          { term: "tarte", prefix: false, synonyms: ["tart"], corrections: [] },
          { term: "ci", prefix: true, synonyms: [], corrections: [] },
        ],
        { any: false, withCorrections: true, weight: "A" }
      )
    ).toEqual("('tarte':A | 'tart':A) & 'ci':A*")
  })

  it("pre-scores a prefix of up to three letters by a match in the title", () => {
    const found = candidatePreScore(
      expansion([{ term: "ch", prefix: true, synonyms: [], corrections: [] }]),
      plan,
      options
    )
    const params: unknown[] = []
    expect(found?.limit).toEqual(CANDIDATE_LIMIT)
    expect(found?.preScoreSql(params)).toEqual(
      `("search_vector" @@ to_tsquery('simple', ?))::int`
    )
    expect(params).toEqual(["'ch':A*"])
  })

  it("puts matches without corrections above corrected ones", () => {
    const found = candidatePreScore(
      expansion([
        {
          term: "croisant",
          prefix: false,
          synonyms: [],
          corrections: ["croissant"],
        },
        { term: "ch", prefix: true, synonyms: [], corrections: [] },
      ]),
      plan,
      options
    )
    const params: unknown[] = []
    expect(found?.preScoreSql(params)).toEqual(
      `2 * ("search_vector" @@ to_tsquery('simple', ?))::int + ("search_vector" @@ to_tsquery('simple', ?))::int`
    )
    expect(params).toEqual([
      "'croisant' & 'ch':*",
      "('croisant':A | 'croissant':A) & 'ch':A*",
    ])
  })

  it("ranks every match of longer words, whole words, deep pages and unweighted indexes", () => {
    const prefix = (term: string): ExpandedTerm => ({
      term,
      prefix: true,
      synonyms: [],
      corrections: [],
    })
    expect(
      candidatePreScore(expansion([prefix("choc")]), plan, options)
    ).toBeUndefined()
    expect(
      candidatePreScore(
        expansion([{ ...prefix("ch"), prefix: false }]),
        plan,
        options
      )
    ).toBeUndefined()
    expect(
      candidatePreScore(expansion([prefix("ch")]), plan, {
        ...options,
        window: CANDIDATE_LIMIT + 1,
      })
    ).toBeUndefined()
    expect(
      candidatePreScore(
        expansion([prefix("ch")]),
        planOf([text("title"), text("body")]),
        options
      )
    ).toBeUndefined()
  })
})
