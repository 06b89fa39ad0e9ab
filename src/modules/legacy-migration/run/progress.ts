import type { Migrated, RecordOf } from "../transform"
import type {
  ConversionKind,
  LegacyCollection,
  QuarantineReason,
} from "../types"
import { decimalToCents } from "../utils/money"

/**
 * What a run has done in one collection so far, across interrupted attempts:
 * saved with each batch, so a resumed run reports the whole collection.
 * `sums` are taken from the source documents that migrated.
 */
export type CollectionProgress = {
  processed: number
  migrated: number
  quarantined: number
  /** `_id` (hex) of the last document processed. */
  lastId: string | null
  reasons: Partial<Record<QuarantineReason, number>>
  conversions: Partial<Record<ConversionKind, number>>
  sums: Record<string, number>
  /** Embedded entries left out (unusable addresses, wishes for unknown products). */
  dropped: Record<string, number>
  /** Category slugs seen (products only). */
  categories: string[]
}

/** Nothing done yet. */
export function emptyProgress(): CollectionProgress {
  return {
    processed: 0,
    migrated: 0,
    quarantined: 0,
    lastId: null,
    reasons: {},
    conversions: {},
    sums: {},
    dropped: {},
    categories: [],
  }
}

/** A deep copy, so a batch can be applied and thrown away if its commit fails. */
export function cloneProgress(p: CollectionProgress): CollectionProgress {
  return {
    ...p,
    reasons: { ...p.reasons },
    conversions: { ...p.conversions },
    sums: { ...p.sums },
    dropped: { ...p.dropped },
    categories: [...p.categories],
  }
}

function add(into: Record<string, number>, key: string, amount: number) {
  into[key] = (into[key] ?? 0) + amount
}

const cents = decimalToCents
const total = (values: number[]) => values.reduce((a, b) => a + b, 0)

type Sums = Record<string, number>
type Summarise<C extends LegacyCollection> = (
  record: RecordOf[C],
  progress: CollectionProgress
) => Sums

/** What each record adds to its collection's checked sums (keys as in `_expected.json`). */
const SUMMARISE: { [C in LegacyCollection]: Summarise<C> } = {
  products: (p, progress) => {
    if (p.category && !progress.categories.includes(p.category.slug)) {
      progress.categories.push(p.category.slug)
      progress.categories.sort()
    }
    return {
      variants: p.variants.length,
      priceCents: cents(p.price),
      variantPriceCents: total(p.variants.map((v) => cents(v.price))),
    }
  },
  users: (u, progress) => {
    add(progress.dropped, "addresses", u.droppedAddresses)
    add(progress.dropped, "wishlistItems", u.droppedWishlistItems)
    return {
      loyaltyPoints: u.loyaltyPoints,
      addresses: u.addresses.length,
      wishlistItems: u.wishlist.length,
    }
  },
  orders: (o) => ({
    items: o.items.length,
    statusEvents: o.statusEvents.length,
    totalCents: cents(o.total),
    subtotalCents: cents(o.subtotal),
  }),
  reviews: (r) => ({ ratingSum: r.rating }),
  loyaltytransactions: (t) => ({
    points: t.points,
    withOrder: t.orderLegacyId ? 1 : 0,
  }),
  flashsales: (s, progress) => {
    add(progress.dropped, "items", s.droppedItems)
    return { items: s.items.length }
  },
}

/** Counts a migrated document into `progress`. */
export function countMigrated<C extends LegacyCollection>(
  collection: C,
  migrated: Migrated<RecordOf[C]>,
  progress: CollectionProgress
): void {
  progress.migrated++
  add(progress.sums, "rows", 1)
  const summarise: Summarise<C> = SUMMARISE[collection]
  for (const [key, amount] of Object.entries(
    summarise(migrated.record, progress)
  )) {
    add(progress.sums, key, amount)
  }
  const conversions: Record<string, number | undefined> = migrated.conversions
  for (const [kind, count] of Object.entries(conversions)) {
    add(progress.conversions, kind, count ?? 0)
  }
}

/** Counts a quarantined document into `progress`. */
export function countQuarantined(
  reason: QuarantineReason,
  progress: CollectionProgress
): void {
  progress.quarantined++
  add(progress.reasons, reason, 1)
}
