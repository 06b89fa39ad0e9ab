import type { Query } from "./_graph"
import { type ProductDocument, toProductDocument } from "./_product-document"
import {
  completeVariants,
  type ProductBaseRow,
  readVariants,
  salesChannelsByProduct,
  toProductRows,
  type VariantRecord,
} from "./_product-rows"
import { productsOnFlashSale, unitsSoldByProduct } from "./_product-signals"
import type { ProductTaxonomy } from "./_product-taxonomy"

/** A product's document and the variants it was built from. */
export type ProductRead = { document: ProductDocument; variantIds: string[] }

const productOfVariant = (variants: VariantRecord[]) =>
  new Map(variants.map((variant) => [variant.id, variant.product_id]))

/**
 * The documents of a page of products, in a fixed number of reads whatever
 * the page size. Each read starts as soon as the ids it needs are known, so
 * PostgreSQL answers one while Node hydrates another; a taxonomy still being
 * read is awaited beside them.
 */
export async function readProductPage(
  query: Query,
  rows: ProductBaseRow[],
  taxonomyRead: ProductTaxonomy | Promise<ProductTaxonomy>
): Promise<ProductRead[]> {
  const productIds = rows.map((row) => row.id)
  const variants = readVariants(query, productIds)
  const [taxonomy, completed, channels, unitsSold, onFlashSale] =
    await Promise.all([
      taxonomyRead,
      variants.then((records) => completeVariants(query, records)),
      salesChannelsByProduct(query, productIds),
      unitsSoldByProduct(query, productIds),
      variants.then((records) =>
        productsOnFlashSale(query, productOfVariant(records))
      ),
    ])
  const signals = { unitsSold, onFlashSale }
  return toProductRows(rows, taxonomy, completed, channels).map((product) => ({
    document: toProductDocument(product, signals),
    variantIds: (product.variants ?? []).flatMap((variant) =>
      variant ? [variant.id] : []
    ),
  }))
}
