import {
  emptyItem,
  saleDraftError,
  storeCurrencyCodes,
  toNewFlashSale,
  withCurrencies,
  type SaleDraft,
} from "../sale-draft"

const READY: SaleDraft = {
  title: "Black Friday",
  starts_at: "2026-11-27T09:00",
  ends_at: "2026-11-27T21:00",
  items: [
    {
      ...emptyItem(0),
      variant_id: "variant_1",
      prices: { usd: "19.99" },
      units: "40",
      limit: "2",
    },
  ],
}

const withItem = (change: Partial<SaleDraft["items"][number]>): SaleDraft => ({
  ...READY,
  items: [{ ...READY.items[0], ...change }],
})

describe("flash sale draft", () => {
  it("is ready with a price in USD only, and sends only that price", () => {
    expect(saleDraftError(READY)).toBeNull()
    expect(toNewFlashSale(READY)).toEqual({
      title: "Black Friday",
      starts_at: new Date("2026-11-27T09:00").toISOString(),
      ends_at: new Date("2026-11-27T21:00").toISOString(),
      items: [
        {
          variant_id: "variant_1",
          prices: { usd: 19.99 },
          units_allocated: 40,
          per_customer_limit: 2,
        },
      ],
    })
  })

  it("leaves blank prices out of the request", () => {
    const draft = withItem({ prices: { eur: " ", gbp: "12", usd: "" } })
    expect(saleDraftError(draft)).toBeNull()
    expect(toNewFlashSale(draft).items[0].prices).toEqual({ gbp: 12 })
  })

  it("names the first missing field, in the order the form shows them", () => {
    expect(
      saleDraftError({ title: " ", starts_at: "", ends_at: "", items: [] })
    ).toEqual("Enter a title")
    expect(saleDraftError({ ...READY, starts_at: "" })).toEqual(
      "Enter when the sale starts"
    )
    expect(saleDraftError({ ...READY, ends_at: "" })).toEqual(
      "Enter when the sale ends"
    )
    expect(saleDraftError(withItem({ variant_id: "" }))).toEqual(
      "Pick a variant"
    )
    expect(saleDraftError(withItem({ prices: { eur: "", usd: "" } }))).toEqual(
      "Enter a price for the variant in at least one currency"
    )
    expect(saleDraftError(withItem({ units: "" }))).toEqual(
      "The units of the variant must be a whole number from 1 to 1,000,000"
    )
  })

  it("refuses what the API would refuse", () => {
    expect(saleDraftError({ ...READY, ends_at: "2026-11-27T08:00" })).toEqual(
      "The sale must end after it starts"
    )
    expect(saleDraftError(withItem({ prices: { usd: "0" } }))).toEqual(
      "The USD price of the variant must be above 0 and at most 1,000,000"
    )
    expect(saleDraftError(withItem({ prices: { usd: "-5" } }))).toMatch(
      /USD price/
    )
    expect(saleDraftError(withItem({ units: "2.5" }))).toMatch(/units/)
    expect(saleDraftError(withItem({ limit: "0" }))).toEqual(
      "The per-customer limit of the variant must be a whole number from 1 to 1,000"
    )
    expect(
      saleDraftError({ ...READY, items: [READY.items[0], READY.items[0]] })
    ).toEqual("Each variant can appear once in a sale")
  })

  it("numbers the variants when the sale offers several", () => {
    const second = { ...READY.items[0], key: 1, variant_id: "" }
    expect(
      saleDraftError({ ...READY, items: [READY.items[0], second] })
    ).toEqual("Pick variant 2")
  })
})

describe("store currencies", () => {
  it("lists the store's currencies, default first", () => {
    expect(
      storeCurrencyCodes([
        { currency_code: "usd", is_default: false },
        { currency_code: "GBP", is_default: true },
      ])
    ).toEqual(["gbp", "usd"])
    expect(storeCurrencyCodes([])).toEqual(["eur", "usd"])
  })

  it("drops prices typed in a currency the form no longer shows", () => {
    expect(
      withCurrencies(withItem({ prices: { eur: "10", gbp: "9" } }).items[0], [
        "gbp",
      ]).prices
    ).toEqual({ gbp: "9" })
  })
})
