import { RecentProductReads } from "../_recent-product-reads"

describe("RecentProductReads", () => {
  let now: number
  const reads = (options: { ttlMs?: number; maxProducts?: number } = {}) =>
    new RecentProductReads({ ...options, now: () => now })

  beforeEach(() => {
    now = 1_000_000
  })

  it("knows the variants the product's last read found, and only those", () => {
    const memory = reads()
    memory.remember("prod_1", ["var_a", "var_b"])

    expect(memory.sawVariant("var_a")).toBe(true)
    expect(memory.sawVariant("var_b")).toBe(true)
    expect(memory.sawVariant("var_c")).toBe(false)

    // A later read replaces the earlier one.
    memory.remember("prod_1", ["var_b", "var_c"])
    expect(memory.sawVariant("var_a")).toBe(false)
    expect(memory.sawVariant("var_c")).toBe(true)
  })

  it("forgets a deleted product's variants", () => {
    const memory = reads()
    memory.remember("prod_1", ["var_a"])
    memory.remember("prod_2", ["var_b"])

    memory.forget("prod_1")

    expect(memory.sawVariant("var_a")).toBe(false)
    expect(memory.sawVariant("var_b")).toBe(true)
    expect(memory.size).toEqual(1)
  })

  it("stops trusting a read once it is older than the time kept", () => {
    const memory = reads({ ttlMs: 60_000 })
    memory.remember("prod_1", ["var_a"])

    now += 59_999
    expect(memory.sawVariant("var_a")).toBe(true)
    now += 1
    expect(memory.sawVariant("var_a")).toBe(false)

    // Expired reads are dropped as new ones come in.
    memory.remember("prod_2", ["var_b"])
    expect(memory.size).toEqual(1)
  })

  it("keeps at most the configured number of products, dropping the oldest read", () => {
    const memory = reads({ maxProducts: 2 })
    memory.remember("prod_1", ["var_1"])
    memory.remember("prod_2", ["var_2"])
    // Read again: now the most recent.
    memory.remember("prod_1", ["var_1"])
    memory.remember("prod_3", ["var_3"])

    expect(memory.size).toEqual(2)
    expect(memory.sawVariant("var_2")).toBe(false)
    expect(memory.sawVariant("var_1")).toBe(true)
    expect(memory.sawVariant("var_3")).toBe(true)
  })
})
