import { Button, Heading, Hint, Input, Label, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useCreateFlashSale, useStoreCurrencies } from "../data"
import {
  emptyItem,
  FALLBACK_CURRENCIES,
  saleDraftError,
  toNewFlashSale,
  withCurrencies,
  type SaleItemDraft,
} from "../sale-draft"
import { VariantPicker } from "./variant-picker"

/** A key no row has used yet. */
const nextKey = (items: SaleItemDraft[]) =>
  Math.max(-1, ...items.map((item) => item.key)) + 1

const COUNT_FIELDS = [
  ["units", "Units"],
  ["limit", "Per customer"],
] as const

/**
 * Defines a sale: its window and, per variant, a price in one or more of the
 * store's currencies, units and limit.
 */
export const CreateSaleForm = () => {
  const [title, setTitle] = useState("")
  const [startsAt, setStartsAt] = useState("")
  const [endsAt, setEndsAt] = useState("")
  const [items, setItems] = useState<SaleItemDraft[]>([emptyItem(0)])
  const { data: currencies = FALLBACK_CURRENCIES } = useStoreCurrencies()
  const create = useCreateFlashSale()

  const draft = {
    title,
    starts_at: startsAt,
    ends_at: endsAt,
    items: items.map((item) => withCurrencies(item, currencies)),
  }
  const notReady = saleDraftError(draft)

  const setItem = (key: number, change: (item: SaleItemDraft) => object) =>
    setItems((current) =>
      current.map((item) =>
        item.key === key ? { ...item, ...change(item) } : item
      )
    )

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (notReady) {
      return
    }
    create.mutate(toNewFlashSale(draft), {
      onSuccess: ({ flash_sale }) => {
        toast.success(`${flash_sale.title} scheduled`)
        setTitle("")
        // A new key remounts the row, so its picker forgets the variant.
        setItems((current) => [emptyItem(nextKey(current))])
      },
    })
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-y-4 px-6 py-4">
      <Heading level="h2">New flash sale</Heading>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="flash-sale-title">Title</Label>
          <Input
            id="flash-sale-title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            required
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="flash-sale-starts">Starts</Label>
          <Input
            id="flash-sale-starts"
            type="datetime-local"
            value={startsAt}
            onChange={(event) => setStartsAt(event.target.value)}
            required
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="flash-sale-ends">Ends</Label>
          <Input
            id="flash-sale-ends"
            type="datetime-local"
            value={endsAt}
            onChange={(event) => setEndsAt(event.target.value)}
            required
          />
        </div>
      </div>

      {items.map((item) => (
        <div key={item.key} className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-64 flex-[2] flex-col gap-y-1">
            <Label htmlFor={`flash-sale-variant-${item.key}`}>Variant</Label>
            <VariantPicker
              id={`flash-sale-variant-${item.key}`}
              onPick={(variant_id) => setItem(item.key, () => ({ variant_id }))}
            />
          </div>
          {currencies.map((code) => (
            <div key={code} className="flex w-28 flex-col gap-y-1">
              <Label htmlFor={`flash-sale-price-${code}-${item.key}`}>
                Price {code.toUpperCase()}
              </Label>
              <Input
                id={`flash-sale-price-${code}-${item.key}`}
                type="number"
                min={0.01}
                step={0.01}
                value={item.prices[code] ?? ""}
                onChange={(event) =>
                  setItem(item.key, (current) => ({
                    prices: { ...current.prices, [code]: event.target.value },
                  }))
                }
              />
            </div>
          ))}
          {COUNT_FIELDS.map(([field, label]) => (
            <div key={field} className="flex w-28 flex-col gap-y-1">
              <Label htmlFor={`flash-sale-${field}-${item.key}`}>{label}</Label>
              <Input
                id={`flash-sale-${field}-${item.key}`}
                type="number"
                min={1}
                step={1}
                value={item[field]}
                onChange={(event) =>
                  setItem(item.key, () => ({ [field]: event.target.value }))
                }
              />
            </div>
          ))}
          <Button
            type="button"
            variant="transparent"
            size="small"
            disabled={items.length === 1}
            onClick={() =>
              setItems((current) => current.filter((i) => i.key !== item.key))
            }
          >
            Remove
          </Button>
        </div>
      ))}

      {create.error && <Hint variant="error">{create.error.message}</Hint>}
      <div className="flex items-center justify-between gap-x-3">
        <Button
          type="button"
          variant="secondary"
          size="small"
          onClick={() =>
            setItems((current) => [...current, emptyItem(nextKey(current))])
          }
        >
          Add a variant
        </Button>
        <div className="flex items-center gap-x-3">
          {notReady && <Hint>{notReady}</Hint>}
          <Button
            size="small"
            type="submit"
            isLoading={create.isPending}
            disabled={!!notReady}
          >
            Create sale
          </Button>
        </div>
      </div>
    </form>
  )
}
