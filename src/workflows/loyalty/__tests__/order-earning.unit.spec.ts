import { pointsBasis } from "../utils/order-earning"

describe("pointsBasis", () => {
  it("earns on the items after discounts, without their tax", () => {
    // 120.00 of items with 20% tax included, 12.00 off (tax included too):
    // 108.00 paid, of which 18.00 is tax.
    expect(
      pointsBasis({
        currency_code: "eur",
        item_total: 108,
        item_tax_total: 18,
      })
    ).toEqual(90)
  })

  it("reads big-number totals and never goes below zero", () => {
    expect(
      pointsBasis({
        currency_code: "eur",
        item_total: { toString: () => "10.75" },
        item_tax_total: "0.5",
      })
    ).toEqual(10.25)
    expect(
      pointsBasis({ currency_code: "eur", item_total: 0, item_tax_total: 0 })
    ).toEqual(0)
  })
})
