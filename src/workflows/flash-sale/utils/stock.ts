/** A variant as the stock check reads it. */
export type VariantStock = {
  id: string
  manage_inventory?: boolean | null
  inventory_items?:
    | ({
        required_quantity?: number | null
        inventory?: {
          location_levels?:
            | ({
                stocked_quantity?: number | null
                reserved_quantity?: number | null
              } | null)[]
            | null
        } | null
      } | null)[]
    | null
}

/**
 * Units of a variant that can still be sold from stock across locations:
 * stocked less reserved by orders, divided by what one unit takes of each
 * inventory item. Infinity when the variant's inventory is not managed.
 */
export function sellableUnits(variant: VariantStock): number {
  if (variant.manage_inventory === false) {
    return Number.POSITIVE_INFINITY
  }
  const links = (variant.inventory_items ?? []).filter((link) => !!link)
  if (!links.length) {
    return 0
  }
  return Math.min(
    ...links.map((link) => {
      const free = (link?.inventory?.location_levels ?? []).reduce(
        (total, level) =>
          total +
          Number(level?.stocked_quantity ?? 0) -
          Number(level?.reserved_quantity ?? 0),
        0
      )
      return Math.max(Math.floor(free / (link?.required_quantity || 1)), 0)
    })
  )
}
