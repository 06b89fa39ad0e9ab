import { Button, Heading, Hint, Input, Label, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useCreateFlashSale } from "../data"
import { VariantPicker } from "./variant-picker"

type ItemDraft = {
  key: number
  variant_id: string
  eur: string
  usd: string
  units: string
  limit: string
}

const emptyItem = (key: number): ItemDraft => ({
  key,
  variant_id: "",
  eur: "",
  usd: "",
  units: "",
  limit: "1",
})

/** A key no row has used yet. */
const nextKey = (items: ItemDraft[]) =>
  Math.max(-1, ...items.map((item) => item.key)) + 1

/** Prices by currency, leaving out the blank ones. */
const pricesOf = (item: ItemDraft) =>
  Object.fromEntries(
    (["eur", "usd"] as const)
      .filter((code) => item[code].trim() !== "")
      .map((code) => [code, Number(item[code])])
  )

/** Defines a sale: its window and, per variant, prices, units and limit. */
export const CreateSaleForm = () => {
  const [title, setTitle] = useState("")
  const [startsAt, setStartsAt] = useState("")
  const [endsAt, setEndsAt] = useState("")
  const [items, setItems] = useState<ItemDraft[]>([emptyItem(0)])
  const create = useCreateFlashSale()

  const setItem = (key: number, change: Partial<ItemDraft>) =>
    setItems((current) =>
      current.map((item) => (item.key === key ? { ...item, ...change } : item))
    )

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate(
      {
        title,
        starts_at: new Date(startsAt).toISOString(),
        ends_at: new Date(endsAt).toISOString(),
        items: items.map((item) => ({
          variant_id: item.variant_id,
          prices: pricesOf(item),
          units_allocated: Number(item.units),
          per_customer_limit: Number(item.limit),
        })),
      },
      {
        onSuccess: ({ flash_sale }) => {
          toast.success(`${flash_sale.title} scheduled`)
          setTitle("")
          // A new key remounts the row, so its picker forgets the variant.
          setItems((current) => [emptyItem(nextKey(current))])
        },
      }
    )
  }

  const complete =
    title.trim() &&
    startsAt &&
    endsAt &&
    items.every((item) => item.variant_id && item.units && item.eur)

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
        <div
          key={item.key}
          className="grid grid-cols-2 items-end gap-3 md:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]"
        >
          <div className="col-span-2 flex flex-col gap-y-1 md:col-span-1">
            <Label htmlFor={`flash-sale-variant-${item.key}`}>Variant</Label>
            <VariantPicker
              id={`flash-sale-variant-${item.key}`}
              onPick={(variant_id) => setItem(item.key, { variant_id })}
            />
          </div>
          {(
            [
              ["eur", "Price EUR"],
              ["usd", "Price USD"],
              ["units", "Units"],
              ["limit", "Per customer"],
            ] as const
          ).map(([field, label]) => (
            <div key={field} className="flex flex-col gap-y-1">
              <Label htmlFor={`flash-sale-${field}-${item.key}`}>{label}</Label>
              <Input
                id={`flash-sale-${field}-${item.key}`}
                type="number"
                min={field === "units" || field === "limit" ? 1 : 0.01}
                step={field === "units" || field === "limit" ? 1 : 0.01}
                value={item[field]}
                onChange={(event) =>
                  setItem(item.key, { [field]: event.target.value })
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
      <div className="flex justify-between">
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
        <Button
          size="small"
          type="submit"
          isLoading={create.isPending}
          disabled={!complete}
        >
          Create sale
        </Button>
      </div>
    </form>
  )
}
