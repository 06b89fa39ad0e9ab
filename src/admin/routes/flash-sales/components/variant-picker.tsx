import { Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useVariantSearch, type VariantOption } from "../data"

const labelOf = (variant: VariantOption) =>
  [variant.product?.title, variant.title, variant.sku && `(${variant.sku})`]
    .filter(Boolean)
    .join(" · ")

/** Searches variants by title or SKU and reports the one chosen. */
export const VariantPicker = ({
  id,
  onPick,
}: {
  id: string
  onPick: (variantId: string) => void
}) => {
  const [q, setQ] = useState("")
  const [picked, setPicked] = useState<string | null>(null)
  const { data, isFetching } = useVariantSearch(q)

  return (
    <div className="flex flex-col gap-y-1">
      <Input
        id={id}
        placeholder="Search a product or SKU"
        value={picked ?? q}
        onChange={(event) => {
          setPicked(null)
          setQ(event.target.value)
          onPick("")
        }}
      />
      {!picked && q.trim().length >= 2 && (
        <div className="shadow-elevation-flyout bg-ui-bg-base flex flex-col rounded-md">
          {isFetching && (
            <Text size="small" className="px-3 py-2">
              Searching…
            </Text>
          )}
          {data?.variants.map((variant) => (
            <button
              key={variant.id}
              type="button"
              className="hover:bg-ui-bg-base-hover txt-compact-small px-3 py-2 text-left"
              onClick={() => {
                setPicked(labelOf(variant))
                onPick(variant.id)
              }}
            >
              {labelOf(variant)}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
