import { Modules } from "@medusajs/framework/utils"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { CATEGORIES } from "./catalog-taxonomy"
import type { SeedContainer } from "./types"

/**
 * Creates the catalog's categories that are missing, parents first, and
 * returns every category id by handle.
 */
export async function ensureCategories(
  container: SeedContainer
): Promise<Map<string, string>> {
  const productService = container.resolve(Modules.PRODUCT)
  const existing = await productService.listProductCategories({
    handle: CATEGORIES.map((category) => category.handle),
  })
  const ids = new Map(
    existing.map((category) => [category.handle, category.id])
  )

  const topLevel = CATEGORIES.filter((category) => !category.parent)
  const nested = CATEGORIES.filter((category) => category.parent)
  for (const group of [topLevel, nested]) {
    const missing = group.filter((category) => !ids.has(category.handle))
    if (!missing.length) {
      continue
    }
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missing.map((category) => ({
          name: category.name,
          handle: category.handle,
          description: category.description,
          is_active: true,
          parent_category_id: category.parent ? ids.get(category.parent) : null,
        })),
      },
    })
    for (const category of result) {
      ids.set(category.handle, category.id)
    }
  }

  return ids
}
