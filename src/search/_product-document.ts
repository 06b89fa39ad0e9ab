/** Currencies the product index carries a lowest price for. */
export const INDEXED_CURRENCIES = ["eur", "usd"] as const

/** Tag values that name an allergen; the rest describe a diet. */
const ALLERGEN_TAG_PREFIX = "contains-"

type Numeric = number | string | null | undefined

type PriceRow = {
  amount: Numeric
  currency_code: string | null
  price_list_id?: string | null
  rules_count?: number | null
}

type InventoryLinkRow = {
  required_quantity?: Numeric
  inventory?: {
    location_levels?: ({ available_quantity: Numeric } | null)[] | null
  } | null
}

type VariantRow = {
  id: string
  sku: string | null
  manage_inventory: boolean | null
  allow_backorder: boolean | null
  prices?: (PriceRow | null)[] | null
  inventory_items?: (InventoryLinkRow | null)[] | null
  options?: ({ value: string | null } | null)[] | null
}

/** A category with its ancestors. */
export type CategoryRow = {
  name: string
  handle: string
  is_active?: boolean | null
  is_internal?: boolean | null
  parent_category?: CategoryRow | null
}

/** A product with everything its document is built from. */
export type ProductRow = {
  id: string
  title: string
  subtitle: string | null
  description: string | null
  handle: string
  status: string
  thumbnail: string | null
  created_at: string | Date
  collection?: { title: string; handle: string } | null
  categories?: (CategoryRow | null)[] | null
  tags?: ({ value: string } | null)[] | null
  sales_channels?: ({ id: string } | null)[] | null
  variants?: (VariantRow | null)[] | null
}

/** The document the product index stores for one product. */
export type ProductDocument = {
  id: string
  title: string
  subtitle: string | null
  description: string | null
  handle: string
  status: string
  thumbnail: string | null
  sales_channel_ids: string[]
  category_names: string[]
  categories: string[]
  category_lvl0: string[]
  category_lvl1: string[]
  collection: string | null
  collection_title: string | null
  dietary: string[]
  allergens: string[]
  options: string[]
  skus: string[]
  price_eur: number | null
  price_usd: number | null
  in_stock: boolean
  created_at: string
  units_sold: number
  rating: number | null
  on_flash_sale: boolean
}

function compact<T>(values: (T | null | undefined)[] | null | undefined): T[] {
  return (values ?? []).filter((value): value is T => value != null)
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

// Variants come back in no set order; values are sorted so that a document
// is the same on every rebuild ("Box of 6" before "Box of 12").
const naturalOrder = new Intl.Collator("en", { numeric: true }).compare

/** The category and its visible ancestors, root first. */
function categoryPath(category: CategoryRow): CategoryRow[] {
  const path: CategoryRow[] = []
  for (
    let node: CategoryRow | null | undefined = category;
    node;
    node = node.parent_category
  ) {
    path.unshift(node)
  }
  return path
}

function isVisible(category: CategoryRow): boolean {
  return category.is_active !== false && category.is_internal !== true
}

function categoryFields(rows: ProductRow["categories"]) {
  const paths = compact(rows)
    .map(categoryPath)
    .filter((path) => path.every(isVisible))
  return {
    category_names: unique(paths.flat().map((node) => node.name)),
    categories: unique(paths.flat().map((node) => node.handle)),
    category_lvl0: unique(paths.map((path) => path[0].name)),
    category_lvl1: unique(
      paths
        .filter((path) => path.length > 1)
        .map((path) => `${path[0].name} > ${path[1].name}`)
    ),
  }
}

/** Lowest base price (no price list, no rules) over the variants. */
function lowestPrice(variants: VariantRow[], currency: string): number | null {
  const amounts = variants.flatMap((variant) =>
    compact(variant.prices)
      .filter(
        (price) =>
          price.currency_code === currency &&
          !price.price_list_id &&
          !price.rules_count &&
          price.amount != null
      )
      .map((price) => Number(price.amount))
  )
  return amounts.length ? Math.min(...amounts) : null
}

/** Whether at least one unit of the variant can be sold now. */
function isSellable(variant: VariantRow): boolean {
  if (!variant.manage_inventory || variant.allow_backorder) {
    return true
  }
  const links = compact(variant.inventory_items)
  if (!links.length) {
    return false
  }
  return links.every((link) => {
    const available = compact(link.inventory?.location_levels).reduce(
      (sum, level) => sum + Number(level.available_quantity ?? 0),
      0
    )
    return available >= Number(link.required_quantity ?? 1)
  })
}

function tagFields(rows: ProductRow["tags"]) {
  const values = compact(rows).map((tag) => tag.value)
  return {
    dietary: values.filter((value) => !value.startsWith(ALLERGEN_TAG_PREFIX)),
    allergens: values
      .filter((value) => value.startsWith(ALLERGEN_TAG_PREFIX))
      .map((value) => value.slice(ALLERGEN_TAG_PREFIX.length)),
  }
}

/** What the index knows of a product from outside the product's own data. */
export type ProductSignals = {
  /** Units bought in orders that are not canceled, by product id. */
  unitsSold: Map<string, number>
  /** Products with a variant in a sale that is live now. */
  onFlashSale: Set<string>
}

const NO_SIGNALS: ProductSignals = {
  unitsSold: new Map(),
  onFlashSale: new Set(),
}

/**
 * Denormalises one product row into its search document. `rating` stays
 * `null`: the store has no reviews yet.
 */
export function toProductDocument(
  product: ProductRow,
  signals: ProductSignals = NO_SIGNALS
): ProductDocument {
  const variants = compact(product.variants)
  return {
    id: product.id,
    title: product.title,
    subtitle: product.subtitle || null,
    description: product.description || null,
    handle: product.handle,
    status: product.status,
    thumbnail: product.thumbnail || null,
    sales_channel_ids: compact(product.sales_channels).map(({ id }) => id),
    ...categoryFields(product.categories),
    collection: product.collection?.handle ?? null,
    collection_title: product.collection?.title ?? null,
    ...tagFields(product.tags),
    options: unique(
      variants.flatMap((variant) =>
        compact(variant.options).flatMap((option) =>
          option.value ? [option.value] : []
        )
      )
    ).sort(naturalOrder),
    skus: compact(variants.map((variant) => variant.sku)),
    price_eur: lowestPrice(variants, "eur"),
    price_usd: lowestPrice(variants, "usd"),
    in_stock: variants.some(isSellable),
    created_at: new Date(product.created_at).toISOString(),
    units_sold: signals.unitsSold.get(product.id) ?? 0,
    rating: null,
    on_flash_sale: signals.onFlashSale.has(product.id),
  }
}
