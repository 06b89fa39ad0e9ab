import { mayRebook } from "../utils/confirm"

describe("mayRebook", () => {
  it("buys a hold again only when it lapsed before its order was placed", () => {
    expect(mayRebook({ status: "expired" })).toBe(true)
    expect(mayRebook({ status: "active" })).toBe(true)
    expect(mayRebook({ status: "released" })).toBe(false)
    expect(mayRebook({ status: "returned" })).toBe(false)
    expect(mayRebook({ status: "converted" })).toBe(false)
  })
})
