import type { CreateProductWorkflowInputDTO } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import { handleOf } from "./categories"
import { HALF_CREATED } from "./half-created"
import type { ProductRow, VariantRow } from "./mysql"
import type { Stage2Targets } from "./types"

/** The product option legacy variants are told apart by. */
export const LEGACY_OPTION = "Format"

/** DECIMAL(10,2) as read from MySQL, in the currency's main unit. */
export const amountOf = (decimal: string): number =>
  Math.round(Number(decimal) * 100) / 100

/** Variant titles, made unique within the product (they are option values). */
export function variantTitles(variants: VariantRow[]): string[] {
  const seen = new Set<string>()
  return variants.map((v) => {
    const title = seen.has(v.name) ? `${v.name} (${v.sku})` : v.name
    seen.add(title)
    return title
  })
}

/**
 * A legacy product as `createProductsWorkflow` input: keyed by
 * `external_id` (the legacy ObjectId), published when it was active, one
 * option "Format" whose values are the variant names, each variant with its
 * SKU, its price in the legacy currency and an inventory item (created by
 * the workflow; its stock level is added afterwards). A product without
 * variants gets one at the product price. It is marked half-created until
 * the whole creation has run.
 */
export function productInput(
  row: ProductRow,
  targets: Stage2Targets,
  categoryId: string | undefined
): CreateProductWorkflowInputDTO {
  const price = (amount: string) => [
    { currency_code: targets.currency_code, amount: amountOf(amount) },
  ]
  const titles = variantTitles(row.variants)
  const variants = row.variants.length
    ? row.variants.map((v, i) => ({
        title: titles[i],
        sku: v.sku,
        manage_inventory: true,
        weight: v.weight_grams ?? undefined,
        options: { [LEGACY_OPTION]: titles[i] },
        prices: price(v.price),
        metadata: {
          legacy_position: v.position,
          ...(v.compare_at_price
            ? { compare_at_price: amountOf(v.compare_at_price) }
            : {}),
        },
      }))
    : [
        {
          title: "Standard",
          manage_inventory: false,
          options: { [LEGACY_OPTION]: "Standard" },
          prices: price(row.price),
        },
      ]
  return {
    title: row.name,
    handle: handleOf(row.slug),
    description: row.description ?? undefined,
    status: row.is_active ? ProductStatus.PUBLISHED : ProductStatus.DRAFT,
    external_id: row.legacy_id,
    category_ids: categoryId ? [categoryId] : undefined,
    sales_channels: [{ id: targets.sales_channel_id }],
    shipping_profile_id: targets.shipping_profile_id ?? undefined,
    options: [
      {
        title: LEGACY_OPTION,
        values: variants.map((v) => v.options[LEGACY_OPTION]),
      },
    ],
    variants,
    metadata: {
      legacy_id: row.legacy_id,
      legacy_slug: row.slug,
      legacy_stage_2: HALF_CREATED,
    },
  }
}
