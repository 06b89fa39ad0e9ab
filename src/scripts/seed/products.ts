import type { CreateProductWorkflowInputDTO } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { CatalogProduct } from "./catalog-types"
import type { SeedContainer } from "./types"

/** Ids the product input refers to, resolved by earlier seed steps. */
export type ProductReferences = {
  categoryIds: Map<string, string>
  collectionIds: Map<string, string>
  tagIds: Map<string, string>
  salesChannelId: string
  shippingProfileId: string
}

const BATCH_SIZE = 10

function idFor(ids: Map<string, string>, key: string, kind: string): string {
  const id = ids.get(key)
  if (!id) {
    throw new Error(`The seed found no ${kind} "${key}"`)
  }
  return id
}

/** Maps one catalog entry onto the input of the create-products workflow. */
export function toProductInput(
  product: CatalogProduct,
  refs: ProductReferences
): CreateProductWorkflowInputDTO {
  return {
    title: product.title,
    subtitle: product.subtitle,
    description: product.description,
    handle: product.handle,
    status: ProductStatus.PUBLISHED,
    weight: product.weight,
    origin_country: "fr",
    category_ids: product.categories.map((handle) =>
      idFor(refs.categoryIds, handle, "category")
    ),
    collection_id: idFor(refs.collectionIds, product.collection, "collection"),
    tag_ids: product.tags.map((value) => idFor(refs.tagIds, value, "tag")),
    shipping_profile_id: refs.shippingProfileId,
    sales_channels: [{ id: refs.salesChannelId }],
    options: product.options.map(({ title, values }) => ({ title, values })),
    variants: product.variants.map((variant) => ({
      title: variant.title,
      sku: variant.sku,
      manage_inventory: true,
      allow_backorder: false,
      weight: variant.weight ?? product.weight,
      options: variant.options,
      prices: [
        { currency_code: "eur", amount: variant.prices.eur },
        { currency_code: "usd", amount: variant.prices.usd },
      ],
    })),
  }
}

/**
 * Creates the catalog products whose handle does not exist yet, in small
 * batches, and returns how many catalog products exist afterwards.
 */
export async function ensureProducts(
  container: SeedContainer,
  catalog: CatalogProduct[],
  refs: ProductReferences
): Promise<number> {
  const productService = container.resolve(Modules.PRODUCT)
  const handles = catalog.map((product) => product.handle)
  const existing = await productService.listProducts(
    { handle: handles },
    { select: ["id", "handle"], take: handles.length }
  )
  const existingHandles = new Set(existing.map((product) => product.handle))
  const missing = catalog.filter(
    (product) => !existingHandles.has(product.handle)
  )

  for (let start = 0; start < missing.length; start += BATCH_SIZE) {
    const batch = missing.slice(start, start + BATCH_SIZE)
    await createProductsWorkflow(container).run({
      input: {
        products: batch.map((product) => toProductInput(product, refs)),
      },
    })
  }

  return existing.length + missing.length
}
