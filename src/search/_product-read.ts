import type { Query } from "./_graph"
import { type ProductDocument, toProductDocument } from "./_product-document"
import { loadProductRows, type ProductBaseRow } from "./_product-rows"
import { loadProductSignals } from "./_product-signals"
import type { ProductTaxonomy } from "./_product-taxonomy"

/** A product's document and the variants it was built from. */
export type ProductRead = { document: ProductDocument; variantIds: string[] }

/** The documents of a page of products, in a fixed number of reads. */
export async function readProductPage(
  query: Query,
  rows: ProductBaseRow[],
  taxonomy: ProductTaxonomy
): Promise<ProductRead[]> {
  const products = await loadProductRows(query, rows, taxonomy)
  const signals = await loadProductSignals(query, products)
  return products.map((product) => ({
    document: toProductDocument(product, signals),
    variantIds: (product.variants ?? []).flatMap((variant) =>
      variant ? [variant.id] : []
    ),
  }))
}
