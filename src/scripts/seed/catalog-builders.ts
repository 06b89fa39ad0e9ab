import type {
  CatalogOption,
  CatalogPrices,
  CatalogProduct,
  CatalogVariant,
} from "./catalog-types"

/** One option value with its prices and, optionally, its weight in grams. */
export type PriceRow = [value: string, eur: number, usd: number, grams?: number]

/** Turns an option value into an upper-case SKU fragment. */
export function skuPart(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toUpperCase()
}

/** Options and variants of a product that varies along one option. */
export function singleOption(
  skuPrefix: string,
  optionTitle: string,
  rows: PriceRow[]
): Pick<CatalogProduct, "options" | "variants"> {
  const options: CatalogOption[] = [
    { title: optionTitle, values: rows.map(([value]) => value) },
  ]
  const variants: CatalogVariant[] = rows.map(([value, eur, usd, grams]) => ({
    title: value,
    sku: `${skuPrefix}-${skuPart(value)}`,
    options: { [optionTitle]: value },
    prices: { eur, usd },
    ...(grams ? { weight: grams } : {}),
  }))
  return { options, variants }
}

/**
 * Options and variants of a product that varies along two options, one
 * variant per combination, priced by `price`.
 */
export function twoOptions(
  skuPrefix: string,
  first: CatalogOption,
  second: CatalogOption,
  price: (firstValue: string, secondValue: string) => CatalogPrices
): Pick<CatalogProduct, "options" | "variants"> {
  const variants: CatalogVariant[] = first.values.flatMap((a) =>
    second.values.map((b) => ({
      title: `${a} / ${b}`,
      sku: `${skuPrefix}-${skuPart(a)}-${skuPart(b)}`,
      options: { [first.title]: a, [second.title]: b },
      prices: price(a, b),
    }))
  )
  return { options: [first, second], variants }
}
