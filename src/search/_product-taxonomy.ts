import type { CategoryRow } from "./_product-document"
import { graphAll, graphByIds, type Query } from "./_graph"

type CategoryRecord = {
  id: string
  name: string
  handle: string
  is_active: boolean | null
  is_internal: boolean | null
  parent_category_id: string | null
  products?: ({ id: string } | null)[] | null
}

type TagRecord = {
  value: string
  products?: ({ id: string } | null)[] | null
}

type TagLinks = {
  id: string
  tags?: ({ value: string } | null)[] | null
}

/** Categories (each with its ancestors) and tags of each product. */
export type ProductTaxonomy = {
  categoriesOf: (productId: string) => CategoryRow[]
  tagsOf: (productId: string) => { value: string }[]
}

const CATEGORY_FIELDS = [
  "id",
  "name",
  "handle",
  "is_active",
  "is_internal",
  "parent_category_id",
]

/** Category rows linked to their parents, built once per read. */
function categoryTree(records: CategoryRecord[]): Map<string, CategoryRow> {
  const byId = new Map(records.map((record) => [record.id, record]))
  const built = new Map<string, CategoryRow>()
  const build = (id: string, seen: Set<string>): CategoryRow | null => {
    const cached = built.get(id)
    const record = byId.get(id)
    if (cached || !record || seen.has(id)) {
      return cached ?? null
    }
    seen.add(id)
    const row: CategoryRow = {
      name: record.name,
      handle: record.handle,
      is_active: record.is_active,
      is_internal: record.is_internal,
      parent_category: record.parent_category_id
        ? build(record.parent_category_id, seen)
        : null,
    }
    built.set(id, row)
    return row
  }
  records.forEach((record) => build(record.id, new Set()))
  return built
}

/** Values of `records` by the ids of the products each one lists. */
function invert<T extends { products?: ({ id: string } | null)[] | null }, V>(
  records: T[],
  valueOf: (record: T) => V | undefined
): Map<string, V[]> {
  const byProduct = new Map<string, V[]>()
  for (const record of records) {
    const value = valueOf(record)
    if (value === undefined) {
      continue
    }
    for (const product of record.products ?? []) {
      if (!product?.id) {
        continue
      }
      const values = byProduct.get(product.id)
      if (values) {
        values.push(value)
      } else {
        byProduct.set(product.id, [value])
      }
    }
  }
  return byProduct
}

/**
 * The taxonomy of the whole catalogue in two reads (categories and tags with
 * their product ids): what a full rebuild needs, cheaper than asking each
 * page of products for its categories and tags.
 */
export async function loadCatalogueTaxonomy(
  query: Query
): Promise<ProductTaxonomy> {
  const [categories, tags] = await Promise.all([
    graphAll<CategoryRecord>(query, "product_category", [
      ...CATEGORY_FIELDS,
      "products.id",
    ]),
    graphAll<TagRecord>(query, "product_tag", ["value", "products.id"]),
  ])
  const tree = categoryTree(categories)
  const categoriesOf = invert(categories, (record) => tree.get(record.id))
  const tagsOf = invert(tags, (record) => ({ value: record.value }))
  return {
    categoriesOf: (id) => categoriesOf.get(id) ?? [],
    tagsOf: (id) => tagsOf.get(id) ?? [],
  }
}

type CategoryLinks = {
  id: string
  categories?: ({ id: string; mpath: string | null } | null)[] | null
}

/**
 * The categories with these ids and all their ancestors: the ancestors named
 * by each category's `mpath` in one read, then, should a path be stale, the
 * parents still missing, a level per read.
 */
async function categoriesWithAncestors(
  query: Query,
  links: CategoryLinks["categories"][]
): Promise<CategoryRecord[]> {
  const asked = new Set<string>()
  for (const category of links.flatMap((categories) => categories ?? [])) {
    if (category) {
      asked.add(category.id)
      category.mpath?.split(".").forEach((id) => id && asked.add(id))
    }
  }
  const found = new Map<string, CategoryRecord>()
  let missing = [...asked]
  while (missing.length) {
    const records = await graphByIds<CategoryRecord>(
      query,
      "product_category",
      CATEGORY_FIELDS,
      "id",
      missing
    )
    records.forEach((record) => found.set(record.id, record))
    // Each id is asked for once, so a cycle or a deleted parent ends the loop.
    missing = [
      ...new Set(
        records.flatMap((record) =>
          record.parent_category_id && !asked.has(record.parent_category_id)
            ? [record.parent_category_id]
            : []
        )
      ),
    ]
    missing.forEach((id) => asked.add(id))
  }
  return [...found.values()]
}

/** The fields of a product read that name its categories and tags. */
const PRODUCT_LINK_FIELDS = [
  "id",
  "categories.id",
  "categories.mpath",
  "tags.value",
]

/**
 * Products per read of their categories and tags. The ORM's serializer walks
 * everything a product reaches through the categories and tags it shares
 * with the others of its read, once per product, so a read costs the square
 * of its size: 1,000 products at once cost about ten times 20 reads of 50.
 */
const LINK_READ_SIZE = 50

/** Link reads in flight at once: enough to keep PostgreSQL and Node busy. */
const LINK_READS_AT_ONCE = 4

type ProductLinks = CategoryLinks & TagLinks

/**
 * The taxonomy of a few products: their category and tag links, then only
 * their categories and those categories' ancestors.
 */
export async function loadProductTaxonomy(
  query: Query,
  productIds: string[]
): Promise<ProductTaxonomy> {
  const products = await graphByIds<ProductLinks>(
    query,
    "product",
    PRODUCT_LINK_FIELDS,
    "id",
    productIds,
    { chunkSize: LINK_READ_SIZE, concurrency: LINK_READS_AT_ONCE }
  )
  const tree = categoryTree(
    await categoriesWithAncestors(
      query,
      products.map((product) => product.categories)
    )
  )
  const categoriesOf = new Map(
    products.map((product) => [
      product.id,
      (product.categories ?? []).flatMap((category) => {
        const row = category && tree.get(category.id)
        return row ? [row] : []
      }),
    ])
  )
  const tagsOf = new Map(
    products.map((product) => [
      product.id,
      (product.tags ?? []).flatMap((tag) =>
        tag ? [{ value: tag.value }] : []
      ),
    ])
  )
  return {
    categoriesOf: (id) => categoriesOf.get(id) ?? [],
    tagsOf: (id) => tagsOf.get(id) ?? [],
  }
}
