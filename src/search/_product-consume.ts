import type { SearchTypes } from "@medusajs/framework/types"
import type { SearchConsumeEvent } from "@medusajs/framework/utils"
import { graphByIds, type Query } from "./_graph"
import type { ProductDocument } from "./_product-document"
import {
  eventIds,
  isProductDelete,
  productsOfVariants,
  resolveProductIds,
  VARIANT_CREATED,
} from "./_product-events"
import { readProductPage } from "./_product-read"
import { PRODUCT_FIELDS, type ProductBaseRow } from "./_product-rows"
import { loadProductTaxonomy } from "./_product-taxonomy"
import { RecentProductReads } from "./_recent-product-reads"
import { ReadWindows, type WindowPart } from "./_read-windows"

/** What the product index' `consume` hands the Search Module to write. */
export type ProductMutation =
  | { action: "upsert"; documents: ProductDocument[] }
  | { action: "delete"; filters: { id: string[] } }

/**
 * Event-driven indexing of products, coalesced: the products resolved from
 * events that arrive within a few milliseconds are read together, and their
 * documents go back with the event that opened the window, so the Search
 * Module writes them in one upsert. The other events of the window return
 * nothing once the read has succeeded.
 *
 * If the read fails, every event of the window fails. If the window's write
 * fails, only the opening event fails (the Redis event bus retries it when
 * emitted with `attempts`, and a retry reads that event's own products
 * again). The other events were acknowledged when the read succeeded, so the
 * products only they brought stay as they were in the index, and the read
 * remembered for them still skips their new variants' events, until they
 * change again or the index is rebuilt. That is the price of one write per
 * window rather than one per event.
 */
export function productConsume() {
  const reads = new RecentProductReads()
  const windows = new ReadWindows<ProductMutation[]>()

  /** Reads a window's products; ids no longer found leave the index. */
  const readWindow = async (query: Query, ids: string[]) => {
    const [rows, taxonomy] = await Promise.all([
      graphByIds<ProductBaseRow>(query, "product", PRODUCT_FIELDS, "id", ids),
      loadProductTaxonomy(query, ids),
    ])
    const products = rows.length
      ? await readProductPage(query, rows, taxonomy)
      : []
    products.forEach(({ document, variantIds }) =>
      reads.remember(document.id, variantIds)
    )
    const found = new Set(products.map(({ document }) => document.id))
    const gone = ids.filter((id) => !found.has(id))
    reads.forget(...gone)
    const mutations: ProductMutation[] = []
    if (products.length) {
      mutations.push({
        action: "upsert",
        documents: products.map(({ document }) => document),
      })
    }
    if (gone.length) {
      mutations.push({ action: "delete", filters: { id: gone } })
    }
    return mutations
  }

  const take = async (parts: WindowPart<ProductMutation[]>[]) => {
    const results = await Promise.all(parts.map((part) => part.result))
    return results.flatMap((mutations, i) => (parts[i].leads ? mutations : []))
  }

  /**
   * A new variant needs no read when the last read of its product found it:
   * the document written from that read already holds it. That is the case
   * for the variants created with a product, whose events arrive with
   * `product.created`; a variant added later finds an older read, or none,
   * and its product is read again.
   */
  const consumeNewVariants = async (query: Query, variantIds: string[]) => {
    // Lets the events delivered in the same tick join a window first.
    await new Promise((resolve) => setImmediate(resolve))
    await windows.settled()
    const unseen = variantIds.filter((id) => !reads.sawVariant(id))
    if (!unseen.length) {
      return []
    }
    const variantsOf = await productsOfVariants(query, unseen)
    const productIds = [...variantsOf.keys()]
    await windows.settled(productIds)
    return await take(
      windows.join(
        productIds,
        (ids) => readWindow(query, ids),
        (productId) =>
          (variantsOf.get(productId) ?? []).every((id) => reads.sawVariant(id))
      )
    )
  }

  return async function consume(
    event: SearchConsumeEvent,
    context: SearchTypes.SearchIngestionContext
  ): Promise<ProductMutation[]> {
    const query = context.container.query
    if (isProductDelete(event)) {
      const ids = eventIds(event)
      reads.forget(...ids)
      return ids.length ? [{ action: "delete", filters: { id: ids } }] : []
    }
    if (event.name === VARIANT_CREATED) {
      return await consumeNewVariants(query, eventIds(event))
    }
    const productIds = await resolveProductIds(event, context)
    return await take(windows.join(productIds, (ids) => readWindow(query, ids)))
  }
}
