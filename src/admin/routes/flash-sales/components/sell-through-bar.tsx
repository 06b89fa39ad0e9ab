import { Text } from "@medusajs/ui"
import { sellThrough, type FlashSaleItem } from "../data"

/** Sold (solid) and reserved (light) shares of an item's allocation. */
export const SellThroughBar = ({ item }: { item: FlashSaleItem }) => {
  const { share, label } = sellThrough(item)
  const reserved = item.units_allocated
    ? Math.round((item.units_reserved / item.units_allocated) * 100)
    : 0
  return (
    <div className="flex flex-col gap-y-1">
      <div className="bg-ui-bg-subtle flex h-2 w-full overflow-hidden rounded-full">
        <div className="bg-ui-fg-interactive" style={{ width: `${share}%` }} />
        <div
          className="bg-ui-fg-interactive opacity-30"
          style={{ width: `${reserved}%` }}
        />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label} · {item.units_reserved} reserved · {item.units_left} left
      </Text>
    </div>
  )
}
