import {
  CATALOG,
  CATEGORIES,
  COLLECTIONS,
  DIETARY_TAGS,
  REQUIRED_CATEGORY_HANDLES,
} from "../seed/catalog"

const allVariants = CATALOG.flatMap((product) =>
  product.variants.map((variant) => ({ product, variant }))
)

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index)
}

describe("bakery catalog", () => {
  it("has at least 40 products", () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(40)
  })

  it.each([...REQUIRED_CATEGORY_HANDLES])(
    "has at least six products in %s",
    (handle) => {
      const inCategory = CATALOG.filter((product) =>
        product.categories.some((category) => category === handle)
      )
      expect(inCategory.length).toBeGreaterThanOrEqual(6)
    }
  )

  it("only refers to categories and collections the seed creates", () => {
    const categoryHandles = CATEGORIES.map((category) => category.handle)
    const collectionHandles = COLLECTIONS.map((collection) => collection.handle)
    for (const product of CATALOG) {
      expect(product.categories.length).toBeGreaterThan(0)
      for (const category of product.categories) {
        expect(categoryHandles).toContain(category)
      }
      expect(collectionHandles).toContain(product.collection)
    }
  })

  it("nests child categories under existing top-level categories", () => {
    const topLevel = CATEGORIES.filter((category) => !category.parent).map(
      (category) => category.handle
    )
    expect(topLevel).toEqual(
      expect.arrayContaining([...REQUIRED_CATEGORY_HANDLES])
    )
    for (const category of CATEGORIES.filter((c) => c.parent)) {
      expect(topLevel).toContain(category.parent)
    }
  })

  it("uses unique product handles", () => {
    expect(duplicates(CATALOG.map((product) => product.handle))).toEqual([])
  })

  it("uses URL-safe handles", () => {
    for (const product of CATALOG) {
      expect(product.handle).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }
  })

  it("uses unique SKUs across the whole catalog", () => {
    const skus = allVariants.map(({ variant }) => variant.sku)
    expect(skus.every((sku) => sku.length > 0)).toBe(true)
    expect(duplicates(skus)).toEqual([])
  })

  it("prices every variant in eur and usd with positive amounts", () => {
    for (const { variant } of allVariants) {
      expect(Number.isFinite(variant.prices.eur)).toBe(true)
      expect(Number.isFinite(variant.prices.usd)).toBe(true)
      expect(variant.prices.eur).toBeGreaterThan(0)
      expect(variant.prices.usd).toBeGreaterThan(0)
    }
  })

  it("gives every product options and at least one variant", () => {
    for (const product of CATALOG) {
      expect(product.options.length).toBeGreaterThan(0)
      expect(product.variants.length).toBeGreaterThan(0)
      expect(product.weight).toBeGreaterThan(0)
    }
  })

  it("sets every variant's option values from the product's options", () => {
    for (const { product, variant } of allVariants) {
      const titles = product.options.map((option) => option.title)
      expect(Object.keys(variant.options).sort()).toEqual([...titles].sort())
      for (const option of product.options) {
        expect(option.values).toContain(variant.options[option.title])
      }
    }
  })

  it("never repeats an option combination within a product", () => {
    for (const product of CATALOG) {
      const combinations = product.variants.map((variant) =>
        product.options
          .map((option) => variant.options[option.title])
          .join(" / ")
      )
      expect(duplicates(combinations)).toEqual([])
    }
  })

  it("only uses the allowed dietary and allergen tags", () => {
    const allowed: string[] = [...DIETARY_TAGS]
    for (const product of CATALOG) {
      expect(product.tags.length).toBeGreaterThan(0)
      for (const tag of product.tags) {
        expect(allowed).toContain(tag)
      }
      expect(duplicates(product.tags)).toEqual([])
    }
  })

  it("never pairs a dietary claim with a contradicting allergen", () => {
    for (const product of CATALOG) {
      const tags = new Set<string>(product.tags)
      if (tags.has("nut-free")) {
        expect(tags.has("contains-nuts")).toBe(false)
      }
      if (tags.has("gluten-free")) {
        expect(tags.has("contains-gluten")).toBe(false)
      }
      if (tags.has("vegan")) {
        expect(tags.has("contains-dairy")).toBe(false)
        expect(tags.has("contains-eggs")).toBe(false)
      }
    }
  })

  it("offers vegan, gluten-free and nut-containing products", () => {
    const used = new Set(CATALOG.flatMap((product) => product.tags))
    expect([...used]).toEqual(
      expect.arrayContaining(["vegan", "gluten-free", "contains-nuts"])
    )
  })

  it("sells Paris-Brest, the product the checkout flow buys", () => {
    expect(CATALOG.map((product) => product.handle)).toContain("paris-brest")
  })
})
