// Raw statements for low-stock alert markers. Claiming is one INSERT that
// skips taken pairs, so two instances handling the same fall alert once.

import type { LowStockAlertKey } from "../types"
import { placeholders } from "./sql"

const COLUMNS = `id, inventory_level_id, variant_id, created_at, updated_at`

/** `(?, ?), (?, ?)` for `count` rows of `size` values. */
const rows = (count: number, size: number) =>
  Array.from({ length: count }, () => `(${placeholders(size)})`).join(", ")

/** Params: id, inventory_level_id, variant_id per marker. Returns those taken. */
export const claimAlerts = (count: number) => `
INSERT INTO low_stock_alert (id, inventory_level_id, variant_id)
VALUES ${rows(count, 3)}
ON CONFLICT DO NOTHING
RETURNING ${COLUMNS}`

/**
 * Params: inventory_level_id, then the `keep` variant ids. Removes the
 * level's other markers.
 */
export const clearAlertsExcept = (keep: number) => `
DELETE FROM low_stock_alert
WHERE inventory_level_id = ? AND deleted_at IS NULL
${keep ? `AND variant_id NOT IN (${placeholders(keep)})` : ""}`

/**
 * Params: the inventory level id, then `variants` variant ids. Removes the
 * level's markers (only those variants' when there are any) and returns them.
 */
export const removeAlertsAt = (variants: number) => `
DELETE FROM low_stock_alert
WHERE inventory_level_id = ? AND deleted_at IS NULL
${variants ? `AND variant_id IN (${placeholders(variants)})` : ""}
RETURNING ${COLUMNS}`

/** The keys without repeats, as flat statement params. */
export function alertKeyParams(keys: LowStockAlertKey[]): string[][] {
  const seen = new Map<string, string[]>()
  for (const { inventory_level_id, variant_id } of keys) {
    seen.set(`${inventory_level_id}\u0000${variant_id}`, [
      inventory_level_id,
      variant_id,
    ])
  }
  return [...seen.values()]
}
