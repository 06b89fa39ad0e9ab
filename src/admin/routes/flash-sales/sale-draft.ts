import type { NewFlashSale } from "./data"

/*
 * The limits `POST /admin/flash-sales` enforces, repeated so the form can say
 * what is wrong before the request is sent.
 */
const MAX_TITLE = 200
const MAX_ITEMS = 100
const MAX_PRICE = 1_000_000
const MAX_UNITS = 1_000_000
const MAX_PER_CUSTOMER = 1000

/** One variant row of the form, every number kept as the text typed. */
export type SaleItemDraft = {
  key: number
  variant_id: string
  /** Flash price by lower-case currency code; blank means not offered. */
  prices: Record<string, string>
  units: string
  limit: string
}

/** The create-sale form's state. */
export type SaleDraft = {
  title: string
  starts_at: string
  ends_at: string
  items: SaleItemDraft[]
}

/** Currencies offered when the store has none set up. */
export const FALLBACK_CURRENCIES = ["eur", "usd"]

/** The store's currency codes, lower-case, its default one first. */
export function storeCurrencyCodes(
  supported: { currency_code: string; is_default?: boolean }[]
): string[] {
  const codes = [...supported]
    .sort((a, b) => Number(!!b.is_default) - Number(!!a.is_default))
    .map(({ currency_code }) => currency_code.toLowerCase())
  return codes.length ? [...new Set(codes)] : FALLBACK_CURRENCIES
}

/** The row with only the prices of the currencies the form shows. */
export const withCurrencies = (
  item: SaleItemDraft,
  currencies: string[]
): SaleItemDraft => ({
  ...item,
  prices: Object.fromEntries(
    Object.entries(item.prices).filter(([code]) => currencies.includes(code))
  ),
})

/** A blank variant row. */
export const emptyItem = (key: number): SaleItemDraft => ({
  key,
  variant_id: "",
  prices: {},
  units: "",
  limit: "1",
})

const isBlank = (text: string | undefined) => !text || text.trim() === ""

const toNumber = (text: string) => Number(text.trim())

const isWholeIn = (text: string, min: number, max: number) => {
  const value = toNumber(text)
  return Number.isInteger(value) && value >= min && value <= max
}

const isPrice = (text: string) => {
  const value = toNumber(text)
  return Number.isFinite(value) && value > 0 && value <= MAX_PRICE
}

const isDate = (text: string) => !Number.isNaN(new Date(text).getTime())

/** The prices typed in a row, blank ones left out. */
const typedPrices = (item: SaleItemDraft) =>
  Object.entries(item.prices).filter(([, text]) => !isBlank(text))

function itemError(
  item: SaleItemDraft,
  index: number,
  rows: number
): string | null {
  const name = rows === 1 ? "the variant" : `variant ${index + 1}`
  if (!item.variant_id) {
    return rows === 1 ? "Pick a variant" : `Pick ${name}`
  }
  const prices = typedPrices(item)
  const bad = prices.find(([, text]) => !isPrice(text))
  if (bad) {
    return `The ${bad[0].toUpperCase()} price of ${name} must be above 0 and at most ${MAX_PRICE.toLocaleString("en")}`
  }
  if (!prices.length) {
    return `Enter a price for ${name} in at least one currency`
  }
  if (!isWholeIn(item.units, 1, MAX_UNITS)) {
    return `The units of ${name} must be a whole number from 1 to ${MAX_UNITS.toLocaleString("en")}`
  }
  if (!isWholeIn(item.limit, 1, MAX_PER_CUSTOMER)) {
    return `The per-customer limit of ${name} must be a whole number from 1 to ${MAX_PER_CUSTOMER.toLocaleString("en")}`
  }
  return null
}

/**
 * Why the sale cannot be created yet (the first missing or invalid field in
 * the order the form shows them), or null when it is ready.
 */
export function saleDraftError(draft: SaleDraft): string | null {
  if (isBlank(draft.title)) {
    return "Enter a title"
  }
  if (draft.title.trim().length > MAX_TITLE) {
    return `Keep the title to ${MAX_TITLE} characters`
  }
  if (isBlank(draft.starts_at) || !isDate(draft.starts_at)) {
    return "Enter when the sale starts"
  }
  if (isBlank(draft.ends_at) || !isDate(draft.ends_at)) {
    return "Enter when the sale ends"
  }
  if (new Date(draft.ends_at) <= new Date(draft.starts_at)) {
    return "The sale must end after it starts"
  }
  if (!draft.items.length) {
    return "Add a variant"
  }
  if (draft.items.length > MAX_ITEMS) {
    return `A sale can offer at most ${MAX_ITEMS} variants`
  }
  for (const [index, item] of draft.items.entries()) {
    const error = itemError(item, index, draft.items.length)
    if (error) {
      return error
    }
  }
  const ids = draft.items.map(({ variant_id }) => variant_id)
  if (new Set(ids).size !== ids.length) {
    return "Each variant can appear once in a sale"
  }
  return null
}

/** The request body for a ready draft; blank prices are left out. */
export function toNewFlashSale(draft: SaleDraft): NewFlashSale {
  return {
    title: draft.title.trim(),
    starts_at: new Date(draft.starts_at).toISOString(),
    ends_at: new Date(draft.ends_at).toISOString(),
    items: draft.items.map((item) => ({
      variant_id: item.variant_id,
      prices: Object.fromEntries(
        typedPrices(item).map(([code, text]) => [
          code.toLowerCase(),
          toNumber(text),
        ])
      ),
      units_allocated: toNumber(item.units),
      per_customer_limit: toNumber(item.limit),
    })),
  }
}
