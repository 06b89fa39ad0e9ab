import { BASE_TIER, computeTier } from "../utils/compute-tier"
import { DEFAULT_LOYALTY_SETTINGS } from "../utils/settings"

describe("computeTier", () => {
  const settings = DEFAULT_LOYALTY_SETTINGS

  it("picks the highest tier whose threshold the spend reaches", () => {
    expect(computeTier(0, settings).name).toBe("bronze")
    expect(computeTier(499.99, settings).name).toBe("bronze")
    expect(computeTier(500, settings).name).toBe("silver")
    expect(computeTier(1499, settings).name).toBe("silver")
    expect(computeTier(1500, settings)).toEqual({
      name: "gold",
      threshold: 1500,
      multiplier: 1.5,
    })
    expect(computeTier(1_000_000, settings).name).toBe("gold")
  })

  it("does not depend on the order tiers are stored in", () => {
    const shuffled = { tiers: [...settings.tiers].reverse() }
    expect(computeTier(700, shuffled).name).toBe("silver")
  })

  it("falls back to the lowest tier below every threshold", () => {
    const tiers = [
      { name: "member", threshold: 100, multiplier: 1 },
      { name: "vip", threshold: 1000, multiplier: 2 },
    ]
    expect(computeTier(10, { tiers }).name).toBe("member")
  })

  it("returns the base tier when none is configured", () => {
    expect(computeTier(5000, { tiers: [] })).toEqual(BASE_TIER)
  })
})
