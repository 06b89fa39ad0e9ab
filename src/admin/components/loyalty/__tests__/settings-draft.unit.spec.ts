import type { LoyaltySettings } from "../../../lib/loyalty"
import { blankNumberError, fromDraft, toDraft } from "../settings-draft"

const SETTINGS: LoyaltySettings = {
  points_per_unit: { eur: 1 },
  point_value: { eur: 0.05 },
  min_redemption: 100,
  max_cart_share: 0.5,
  expiry_months: 12,
  tiers: [{ name: "bronze", threshold: 0, multiplier: 1 }],
  signup_bonus: 50,
  birthday_bonus: 100,
  referral_bonus_referrer: 200,
  referral_bonus_referee: 100,
}

describe("loyalty settings draft", () => {
  it("saves stored settings back unchanged", () => {
    const draft = toDraft(SETTINGS)
    expect(blankNumberError(draft)).toBeNull()
    expect(fromDraft(draft)).toEqual(SETTINGS)
  })

  it("refuses a cleared field instead of saving it as 0", () => {
    const draft = { ...toDraft(SETTINGS), expiry_months: " " }
    expect(blankNumberError(draft)).toEqual(
      'Enter a value for "Points expire after (months, 0 = never)"'
    )
  })

  it("names the currency or tier whose number is blank", () => {
    const draft = toDraft(SETTINGS)
    expect(
      blankNumberError({
        ...draft,
        currencies: [
          ...draft.currencies,
          { currency: "usd", points_per_unit: "1", point_value: "" },
        ],
      })
    ).toEqual("Enter the value of one point for USD")
    expect(
      blankNumberError({
        ...draft,
        tiers: [
          ...draft.tiers,
          { name: "gold", threshold: "", multiplier: "1" },
        ],
      })
    ).toEqual("Enter the spend threshold of gold")
  })
})
