import { completeQuery } from "../utils/popular-queries"

const popular = [
  { query: "chocolat", searches: 40 },
  { query: "croissant", searches: 31 },
  { query: "chou", searches: 12 },
  { query: "chocolat noir", searches: 9 },
  { query: "cake", searches: 2 },
]

describe("completeQuery", () => {
  it("keeps the most searched queries starting with the prefix, in order", () => {
    expect(completeQuery(popular, "ch", 5)).toEqual([
      "chocolat",
      "chou",
      "chocolat noir",
    ])
    expect(completeQuery(popular, "choc", 5)).toEqual([
      "chocolat",
      "chocolat noir",
    ])
  })

  it("stops at the limit", () => {
    expect(completeQuery(popular, "c", 2)).toEqual(["chocolat", "croissant"])
  })

  it("finds nothing for a prefix no query starts with", () => {
    expect(completeQuery(popular, "tarte", 5)).toEqual([])
    expect(completeQuery([], "c", 5)).toEqual([])
  })
})
