import { queryTerms } from "../utils/normalize"
import { buildSynonymMap, synonymsOf } from "../utils/synonyms"
import { buildTsQuery } from "../utils/tsquery"

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
})
