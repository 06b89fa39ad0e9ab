/**
 * Input of stage 2 (`migrate-legacy-to-medusa`): what the admin or the CLI
 * sends. Every field is optional.
 */
export type MigrateLegacyToMedusaInput = {
  /** The MySQL database stage 1 wrote. Defaults to LEGACY_MYSQL_URL. */
  mysql_url?: string
  /** Records handed to one Medusa workflow call (default 100). */
  batch_size?: number
  /** Currency of the legacy prices (default "eur"); the store must accept it. */
  currency_code?: string
  /** Where products are sold. Defaults to the store's default sales channel. */
  sales_channel_id?: string
  /**
   * Where legacy stock is stocked. Defaults to the store's default location,
   * else the first location of the sales channel.
   */
  stock_location_id?: string
  /** Rebuild the search indexes at the end (default true). */
  rebuild_search?: boolean
}

/** What stage 2 creates in Medusa, in the order it creates them. */
export const STAGE_2_ENTITIES = [
  "categories",
  "products",
  "variants",
  "prices",
  "stock",
  "customers",
  "addresses",
  "legacy_logins",
  "loyalty_balances",
] as const

export type Stage2Entity = (typeof STAGE_2_ENTITIES)[number]

/** Why a MySQL record was not created in Medusa. */
export type Stage2SkipReason =
  | "deleted_in_legacy_store"
  | "handle_in_use"
  | "sku_in_use"
  | "email_has_medusa_account"
  | "no_points"
  | "parent_not_migrated"
  | "rejected_by_medusa"

/**
 * One entity's outcome. `source` counts the MySQL records (rows, or units
 * for stock and points); `created` and `present` the ones this run created
 * and the ones an earlier run (or the store) already had; `medusa` what
 * Medusa holds for the migrated ones after the run, read back.
 * `ok` when `medusa` equals `source` minus the skipped.
 */
export type Stage2EntityReport = {
  entity: Stage2Entity
  source: number
  created: number
  present: number
  skipped: Partial<Record<Stage2SkipReason, number>>
  medusa: number
  ok: boolean
}

/** Counters one step fills for its entities. */
export type Stage2Counts = Record<
  string,
  Omit<Stage2EntityReport, "entity" | "ok">
>

/** The search rebuild done once at the end, instead of one event per record. */
export type Stage2SearchRebuild = {
  rebuilt: boolean
  indexes: string[]
  job_id?: string
  reason?: string
}

/** Output of `migrate-legacy-to-medusa`. */
export type MigrateLegacyToMedusaReport = {
  ok: boolean
  entities: Stage2EntityReport[]
  search: Stage2SearchRebuild
  /** Legacy data stage 2 does not bring into Medusa, and why. */
  not_migrated: { records: string; reason: string }[]
  seconds: number
}

/** Where stage 2 puts things, resolved once from the input and the store. */
export type Stage2Targets = {
  currency_code: string
  sales_channel_id: string
  stock_location_id: string
  shipping_profile_id: string | null
}
