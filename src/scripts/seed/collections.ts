import { Modules } from "@medusajs/framework/utils"
import { createCollectionsWorkflow } from "@medusajs/medusa/core-flows"
import { COLLECTIONS } from "./catalog-taxonomy"
import type { SeedContainer } from "./types"

/** Creates the missing collections and returns every collection id by handle. */
export async function ensureCollections(
  container: SeedContainer
): Promise<Map<string, string>> {
  const productService = container.resolve(Modules.PRODUCT)
  const existing = await productService.listProductCollections({
    handle: COLLECTIONS.map((collection) => collection.handle),
  })
  const ids = new Map(
    existing.map((collection) => [collection.handle, collection.id])
  )

  const missing = COLLECTIONS.filter(
    (collection) => !ids.has(collection.handle)
  )
  if (missing.length) {
    const { result } = await createCollectionsWorkflow(container).run({
      input: {
        collections: missing.map(({ handle, title }) => ({ handle, title })),
      },
    })
    for (const collection of result) {
      ids.set(collection.handle, collection.id)
    }
  }

  return ids
}
