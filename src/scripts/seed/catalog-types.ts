/** Tags describing dietary suitability and allergens; the only tags used. */
export const DIETARY_TAGS = [
  "vegan",
  "gluten-free",
  "vegetarian",
  "contains-nuts",
  "contains-dairy",
  "contains-eggs",
  "contains-gluten",
  "nut-free",
] as const

/** One dietary or allergen tag value. */
export type DietaryTag = (typeof DIETARY_TAGS)[number]

/** Top-level category handles; every one of them must hold products. */
export const REQUIRED_CATEGORY_HANDLES = [
  "celebration-cakes",
  "entremets",
  "macarons",
  "viennoiserie",
  "breads",
  "gift-boxes",
  "seasonal",
] as const

/** Handle of a top-level category. */
export type TopCategoryHandle = (typeof REQUIRED_CATEGORY_HANDLES)[number]

/** Handle of any category, nested ones included. */
export type CategoryHandle = TopCategoryHandle | "macaron-classics"

/** Handles of the product collections. */
export type CollectionHandle =
  "signature" | "atelier-classics" | "holiday-2026" | "breakfast"

/** A product category to create, optionally below a parent. */
export type CategoryDefinition = {
  handle: CategoryHandle
  name: string
  description: string
  parent?: TopCategoryHandle
}

/** A product collection to create. */
export type CollectionDefinition = {
  handle: CollectionHandle
  title: string
}

/** Prices of one variant in major units (42 means 42.00). */
export type CatalogPrices = { eur: number; usd: number }

/** A product option and the values its variants may take. */
export type CatalogOption = { title: string; values: string[] }

/** One sellable variant: option values by option title, SKU and prices. */
export type CatalogVariant = {
  title: string
  sku: string
  options: Record<string, string>
  prices: CatalogPrices
  weight?: number
}

/** A catalog product as the seed creates it. */
export type CatalogProduct = {
  handle: string
  title: string
  subtitle?: string
  description: string
  categories: CategoryHandle[]
  collection: CollectionHandle
  tags: DietaryTag[]
  /** Weight in grams of the smallest variant. */
  weight: number
  options: CatalogOption[]
  variants: CatalogVariant[]
}
