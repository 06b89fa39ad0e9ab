import { queryTerms } from "../utils/normalize"
import { buildSynonymMap, synonymsOf } from "../utils/synonyms"
import { trigramSimilarity } from "../utils/trigram"
import { buildCloseness, buildTsQuery } from "../utils/tsquery"

describe("query expansion", () => {
  it("folds accents and case and drops punctuation, so no operator gets through", () => {
    expect(queryTerms("Bûche  de NOËL & 'gâteau':* | !")).toEqual([
      "buche",
      "de",
      "noel",
      "gateau",
    ])
    expect(queryTerms("Œuf")).toEqual(["oeuf"])
  })

  it("maps one-word members to their group and adds phrases only as synonyms", () => {
    const map = buildSynonymMap([["GF", "gluten-free", "sans gluten"]])

    expect(synonymsOf(map, ["gf"])).toEqual(["gluten free", "sans gluten"])
    expect(map.has("sans gluten")).toBe(false)
    expect(map.has("gluten free")).toBe(false)
  })

  it("builds a tsquery of alternatives per term, with corrections optional", () => {
    const terms = [
      { term: "gf", prefix: false, synonyms: ["gluten free"], corrections: [] },
      {
        term: "croisant",
        prefix: false,
        synonyms: [],
        corrections: ["croissant"],
      },
      { term: "choc", prefix: true, synonyms: [], corrections: [] },
    ]

    expect(buildTsQuery(terms, { any: false, withCorrections: true })).toEqual(
      "('gf' | ('gluten' <-> 'free')) & ('croisant' | 'croissant') & 'choc':*"
    )
    expect(buildTsQuery(terms, { any: true, withCorrections: false })).toEqual(
      "('gf' | ('gluten' <-> 'free')) | 'croisant' | 'choc':*"
    )
  })

  it("measures closeness as pg_trgm's similarity does", () => {
    // Values pg_trgm 1.6 gives for the same pairs.
    expect(trigramSimilarity("croisant", "croissant")).toBeCloseTo(0.7273, 4)
    expect(trigramSimilarity("croisant", "croisade")).toBeCloseTo(0.5, 4)
    expect(trigramSimilarity("pistchio", "pistachio")).toBeCloseTo(0.5833, 4)
    expect(trigramSimilarity("pistchio", "pistou")).toBeCloseTo(0.3333, 4)
    expect(trigramSimilarity("macaron", "macaron")).toEqual(1)
  })

  it("ranks the word typed first, then each correction with its synonyms, closest first", () => {
    const closeness = buildCloseness([
      {
        term: "pistchio",
        prefix: false,
        synonyms: [],
        corrections: ["pistachio", "pisto", "pistache"],
        tiers: [
          { words: ["pistachio", "pistache"], similarity: 0.5833 },
          { words: ["pisto"], similarity: 0.3636 },
        ],
      },
      { term: "choc", prefix: true, synonyms: [], corrections: [] },
    ])

    expect(closeness).toEqual([
      {
        exact: "'pistchio'",
        tiers: [
          { query: "('pistachio' | 'pistache')", similarity: 0.5833 },
          { query: "'pisto'", similarity: 0.3636 },
        ],
      },
      { exact: "'choc':*", tiers: [] },
    ])
  })
})
