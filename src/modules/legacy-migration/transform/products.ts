import type { Document } from "bson"
import { slugify } from "../utils/slugify"
import { DocumentCheck, type TransformResult } from "./check"
import type { ProductRecord, VariantRecord } from "./records"
import { list, objectIdTime, record, text } from "./values"

/** "PÂTISSERIES " → "Pâtisseries"; mixed-case names are kept as typed. */
export function categoryName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ")
  const oneCase = name === name.toUpperCase() || name === name.toLowerCase()
  return oneCase
    ? name.charAt(0).toUpperCase() + name.slice(1).toLowerCase()
    : name
}

function variant(
  check: DocumentCheck,
  value: unknown,
  position: number
): VariantRecord {
  const v = record(value)
  const field = `variants.${position}`
  const sku = text(v.sku, 64)
  if (!sku) {
    check.fail("missing_required_field", `${field}.sku is missing`)
  }
  if (v.price === undefined || v.price === null || v.price === "") {
    check.fail("missing_required_field", `${field}.price is missing`)
  }
  const compareAt = v.compareAtPrice
  return {
    position,
    sku: sku ?? "",
    name: text(v.name, 120) ?? `Variante ${position + 1}`,
    price: check.money(v.price, `${field}.price`),
    compareAtPrice:
      compareAt === undefined || compareAt === null
        ? null
        : check.money(compareAt, `${field}.compareAtPrice`),
    stock: check.integer(v.stock ?? 0, `${field}.stock`, 0),
    weightGrams:
      v.weight === undefined || v.weight === null
        ? null
        : check.integer(v.weight, `${field}.weight`, 0),
  }
}

/**
 * A legacy `products` document with its embedded variants. The loose category
 * string becomes a category found by slug, so "pâtisseries " and
 * "PATISSERIES" land in the same one.
 */
export function transformProduct(
  document: Document
): TransformResult<ProductRecord> {
  const check = new DocumentCheck(document)
  check.require(["name", "price"])
  if (check.failed) {
    return check.quarantine()
  }
  const name = text(document.name, 255) ?? ""
  const price = check.money(document.price, "price")
  const variants = list(document.variants).map((v, i) => variant(check, v, i))
  const createdAt = check.date(
    document.createdAt,
    "createdAt",
    objectIdTime(check.legacyId)
  )
  const updatedAt = check.date(document.updatedAt, "updatedAt", createdAt)
  const deletedAt = check.optionalDate(document.deletedAt, "deletedAt")
  const rawCategory = text(document.category)
  const categorySlug = rawCategory ? slugify(rawCategory) : ""

  return check.finish(() => ({
    legacyId: check.legacyId ?? "",
    name,
    slug: text(document.slug, 255) ?? `${slugify(name)}-${check.legacyId}`,
    description: text(document.description),
    category:
      rawCategory && categorySlug
        ? {
            slug: categorySlug.slice(0, 120),
            name: categoryName(rawCategory).slice(0, 100),
          }
        : null,
    price,
    isActive: document.isActive !== false,
    createdAt,
    updatedAt,
    deletedAt,
    variants,
  }))
}
