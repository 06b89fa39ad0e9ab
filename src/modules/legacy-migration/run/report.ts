import type {
  ConversionKind,
  LegacyCollection,
  QuarantineReason,
} from "../types"

/** One sum taken from the source stream and recomputed from the target. */
export type SumCheck = {
  source: number
  /** Null in a dry run, which has no target to compare with. */
  target: number | null
  ok: boolean
}

/** What happened to one collection. */
export type CollectionReport = {
  collection: LegacyCollection
  /** Documents read by this invocation. */
  read: number
  /** Documents an interrupted earlier attempt of the run had already stored. */
  skipped: number
  /** Documents migrated by the run (in a dry run: that would be). */
  written: number
  quarantined: number
  reasons: Partial<Record<QuarantineReason, number>>
  conversions: Partial<Record<ConversionKind, number>>
  dropped: Record<string, number>
  sums: Record<string, SumCheck>
  ok: boolean
  seconds: number
  /** Documents read per second by this invocation. */
  rate: number
}

/** The JSON report of a run; `ok` is false when any sum disagrees. */
export type MigrationReport = {
  runId: string
  dryRun: boolean
  resumed: boolean
  source: string
  startedAt: string
  finishedAt: string
  seconds: number
  documents: number
  rate: number
  collections: CollectionReport[]
  ok: boolean
}
