import { mayRebook } from "../utils/confirm"

describe("mayRebook", () => {
  it("buys a hold again only when it lapsed before its order was placed", () => {
    expect(mayRebook({ status: "expired", order_id: null })).toBe(true)
    expect(mayRebook({ status: "released", order_id: null })).toBe(true)
    expect(mayRebook({ status: "active", order_id: null })).toBe(true)
    expect(mayRebook({ status: "returned", order_id: "order_1" })).toBe(false)
    expect(mayRebook({ status: "returned", order_id: null })).toBe(false)
    expect(mayRebook({ status: "released", order_id: "order_1" })).toBe(false)
  })
})
