import { Modules } from "@medusajs/framework/utils"
import { createProductTagsWorkflow } from "@medusajs/medusa/core-flows"
import { DIETARY_TAGS } from "./catalog-types"
import type { SeedContainer } from "./types"

/** Creates the missing dietary and allergen tags; returns tag ids by value. */
export async function ensureTags(
  container: SeedContainer
): Promise<Map<string, string>> {
  const productService = container.resolve(Modules.PRODUCT)
  const values: string[] = [...DIETARY_TAGS]
  const existing = await productService.listProductTags({ value: values })
  const ids = new Map(existing.map((tag) => [tag.value, tag.id]))

  const missing = values.filter((value) => !ids.has(value))
  if (missing.length) {
    const { result } = await createProductTagsWorkflow(container).run({
      input: { product_tags: missing.map((value) => ({ value })) },
    })
    for (const tag of result) {
      ids.set(tag.value, tag.id)
    }
  }

  return ids
}
