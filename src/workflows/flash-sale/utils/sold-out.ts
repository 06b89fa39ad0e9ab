/** Sale metadata key listing the items already announced as sold out. */
export const SOLD_OUT_KEY = "sold_out_item_ids"

/** The sold-out item ids recorded in a sale's metadata. */
export function soldOutItemIds(
  metadata: Record<string, unknown> | null | undefined
): string[] {
  const ids = metadata?.[SOLD_OUT_KEY]
  return Array.isArray(ids)
    ? ids.filter((id): id is string => typeof id === "string")
    : []
}

/** `metadata` with `itemIds` recorded as announced, or removed with `remove`. */
export function withSoldOutItems(
  metadata: Record<string, unknown> | null | undefined,
  itemIds: string[],
  remove = false
): Record<string, unknown> {
  const current = soldOutItemIds(metadata)
  const next = remove
    ? current.filter((id) => !itemIds.includes(id))
    : [...new Set([...current, ...itemIds])]
  return { ...(metadata ?? {}), [SOLD_OUT_KEY]: next }
}
