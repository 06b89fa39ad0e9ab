import type {
  CreateProductDTO,
  MedusaContainer,
  ProductDTO,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** Products created per module call. */
const BATCH_SIZE = 500

type GeneratedCatalogOptions = {
  count: number
  salesChannelId: string
  /** The input of the product at `index` (0-based). */
  product: (index: number) => CreateProductDTO
  /** A variant's EUR price; the USD price follows at 1.18. */
  eurPrice: () => number
  /** Called after each batch with the number created so far. */
  onBatch?: (created: number) => void
}

/**
 * Creates generated products through the product and pricing modules and
 * the link module, 500 at a time: no workflows and no product events, so a
 * caller that wants them searchable rebuilds the index once afterwards.
 * Returns the products created.
 */
export async function createPricedProducts(
  container: MedusaContainer,
  { count, salesChannelId, product, eurPrice, onBatch }: GeneratedCatalogOptions
): Promise<ProductDTO[]> {
  const products = container.resolve(Modules.PRODUCT)
  const pricing = container.resolve(Modules.PRICING)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const all: ProductDTO[] = []
  for (let start = 0; start < count; start += BATCH_SIZE) {
    const size = Math.min(BATCH_SIZE, count - start)
    const created = await products.createProducts(
      Array.from({ length: size }, (_, i) => product(start + i))
    )
    const variants = created.flatMap((p) => p.variants ?? [])
    const priceSets = await pricing.createPriceSets(
      variants.map(() => {
        const eur = eurPrice()
        return {
          prices: [
            { amount: eur, currency_code: "eur" },
            { amount: Math.round(eur * 118) / 100, currency_code: "usd" },
          ],
        }
      })
    )
    await link.create([
      ...variants.map((variant, i) => ({
        [Modules.PRODUCT]: { variant_id: variant.id },
        [Modules.PRICING]: { price_set_id: priceSets[i].id },
      })),
      ...created.map((p) => ({
        [Modules.PRODUCT]: { product_id: p.id },
        [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannelId },
      })),
    ])
    all.push(...created)
    onBatch?.(start + size)
  }
  return all
}

/** Ids of the seeded categories, collections and tags a generated product picks from. */
export async function catalogueRefs(container: MedusaContainer) {
  const products = container.resolve(Modules.PRODUCT)
  return {
    categoryIds: (await products.listProductCategories({})).map((c) => c.id),
    collectionIds: (await products.listProductCollections({})).map((c) => c.id),
    tagIds: (await products.listProductTags({})).map((t) => t.id),
  }
}

export type CatalogueRefs = Awaited<ReturnType<typeof catalogueRefs>>
