import {
  STAGE_2_ENTITIES,
  type MigrateLegacyToMedusaReport,
  type Stage2Counts,
  type Stage2EntityReport,
  type Stage2SearchRebuild,
} from "./types"

/** Legacy data that stage 2 leaves in MySQL, with the reason. */
export const NOT_MIGRATED: MigrateLegacyToMedusaReport["not_migrated"] = [
  {
    records: "reviews",
    reason: "no review module in this store yet; they stay in MySQL",
  },
  {
    records: "wishlist_items",
    reason: "no wishlist module in this store yet; they stay in MySQL",
  },
  {
    records: "orders",
    reason:
      "order history stays in MySQL (stage 2 moves the catalogue and customers)",
  },
  {
    records: "loyalty_transactions",
    reason: "the history stays in MySQL; each balance opens the Medusa ledger",
  },
  {
    records: "flash_sales",
    reason: "past sales stay in MySQL",
  },
]

const skippedTotal = (counts: Stage2Counts[string]) =>
  Object.values(counts.skipped).reduce((sum, n) => sum + (n ?? 0), 0)

/**
 * The stage-2 report: per entity, what MySQL has, what was created, found
 * present or skipped, and what Medusa holds for it read back. `ok` only when
 * every entity's Medusa count is its MySQL count less the skipped ones.
 */
export function stage2Report(
  counts: Stage2Counts,
  search: Stage2SearchRebuild,
  seconds: number
): MigrateLegacyToMedusaReport {
  const entities: Stage2EntityReport[] = STAGE_2_ENTITIES.flatMap((entity) => {
    const entry = counts[entity]
    return entry
      ? [
          {
            entity,
            ...entry,
            ok: entry.medusa === entry.source - skippedTotal(entry),
          },
        ]
      : []
  })
  return {
    ok:
      entities.length === STAGE_2_ENTITIES.length &&
      entities.every((e) => e.ok),
    entities,
    search,
    not_migrated: NOT_MIGRATED,
    seconds,
  }
}

/** One line per entity that disagrees, for the error a mismatch throws. */
export function mismatches(report: MigrateLegacyToMedusaReport): string {
  return report.entities
    .filter((e) => !e.ok)
    .map(
      (e) =>
        `${e.entity}: Medusa holds ${e.medusa}, expected ${e.source - skippedTotal(e)} (MySQL ${e.source}, skipped ${skippedTotal(e)})`
    )
    .join("; ")
}
