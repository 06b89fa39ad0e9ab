import type { LoyaltySettingsValues } from "../types"
import { JSON_SETTINGS } from "./settings"

// Raw statements of the loyalty service. Each balance or held change is one
// statement: the guarded UPDATE of the account and the row recording it are
// data-modifying CTEs of the same query, so they commit or fail together and
// the row lock taken by the UPDATE orders concurrent writers.

const ACCOUNT_COLUMNS = `id, customer_id, balance, held, lifetime_earned, tier,
  referral_code, last_activity_at, created_at, updated_at, deleted_at`

const ENTRY_COLUMNS = `id, account_id, type, points, balance_after, reason,
  source_type, source_id, idempotency_key, metadata, created_at, updated_at,
  deleted_at`

const HOLD_COLUMNS = `id, account_id, cart_id, points, status, order_id,
  created_at, updated_at, deleted_at`

const SETTINGS_COLUMNS = `id, points_per_unit, point_value, min_redemption,
  max_cart_share, expiry_months, tiers, signup_bonus, birthday_bonus,
  referral_bonus_referrer, referral_bonus_referee, created_at, updated_at`

/**
 * Params: id, customer_id, referral_code. Returns no row on any unique
 * conflict: the customer already has an account, or the code is taken.
 */
export const INSERT_ACCOUNT = `
INSERT INTO loyalty_account (id, customer_id, referral_code)
VALUES (?, ?, ?)
ON CONFLICT DO NOTHING
RETURNING ${ACCOUNT_COLUMNS}`

/** Params: customer_id. */
export const SELECT_ACCOUNT = `
SELECT ${ACCOUNT_COLUMNS} FROM loyalty_account
WHERE customer_id = ? AND deleted_at IS NULL`

/**
 * Adds a signed amount to the balance and writes its ledger entry, unless the
 * balance would fall below the held points. `lifetime_earned` moves by its
 * own signed amount in the same statement, never below zero; when the change
 * is earned, the entry's metadata records in `lifetime_moved` how far it
 * really moved, read from the locked row, so an undo moves it back exactly.
 * Entry timestamps use `clock_timestamp()`, read after the row lock is
 * granted, so ledger order by `created_at` is the order in which balances
 * were applied.
 *
 * Params: lifetime_earned delta, customer_id, delta, delta, entry id, type,
 * delta, reason, source_type, source_id, idempotency_key, earned (boolean),
 * metadata, metadata.
 */
export const APPLY_LEDGER_CHANGE = `
WITH locked AS (
  SELECT id, GREATEST(?::integer, -lifetime_earned) AS lifetime_moved
  FROM loyalty_account
  WHERE customer_id = ? AND deleted_at IS NULL
    AND balance - held + ?::integer >= 0
  FOR UPDATE
), account AS (
  UPDATE loyalty_account
  SET balance = loyalty_account.balance + ?::integer,
      lifetime_earned = loyalty_account.lifetime_earned + locked.lifetime_moved,
      last_activity_at = clock_timestamp(),
      updated_at = clock_timestamp()
  FROM locked
  WHERE loyalty_account.id = locked.id
  RETURNING loyalty_account.id, loyalty_account.balance, locked.lifetime_moved
)
INSERT INTO loyalty_entry (id, account_id, type, points, balance_after, reason,
  source_type, source_id, idempotency_key, metadata, created_at, updated_at)
SELECT ?, account.id, ?, ?, account.balance, ?, ?, ?, ?,
  CASE WHEN ?::boolean
    THEN COALESCE(?::jsonb, '{}'::jsonb)
      || jsonb_build_object('lifetime_moved', account.lifetime_moved)
    ELSE ?::jsonb END,
  clock_timestamp(), clock_timestamp()
FROM account
RETURNING ${ENTRY_COLUMNS}`

/**
 * Takes up to the requested points from what is spendable (`balance - held`):
 * the account row is locked and the amount capped in the same statement that
 * writes it, and the entry's metadata records `requested` and the `shortfall`
 * that could not be taken. When the points taken back were earned,
 * `lifetime_earned` drops by what was taken (at most the given earned
 * points), never below zero, and `lifetime_moved` records by how much. No
 * row when nothing is spendable.
 *
 * Params: earned (boolean), earned points (null for all taken), requested,
 * customer_id, entry id, type, reason, source_type, source_id,
 * idempotency_key, metadata, requested, requested.
 */
export const DEBIT_UP_TO = `
WITH locked AS (
  SELECT id, taken,
    CASE WHEN ?::boolean
      THEN LEAST(taken, COALESCE(?::integer, taken), lifetime_earned)
    END AS lifetime_taken
  FROM (
    SELECT id, lifetime_earned, LEAST(?::integer, balance - held) AS taken
    FROM loyalty_account
    WHERE customer_id = ? AND deleted_at IS NULL
    FOR UPDATE
  ) spendable
), account AS (
  UPDATE loyalty_account
  SET balance = loyalty_account.balance - locked.taken,
      lifetime_earned = loyalty_account.lifetime_earned
        - COALESCE(locked.lifetime_taken, 0),
      last_activity_at = clock_timestamp(),
      updated_at = clock_timestamp()
  FROM locked
  WHERE loyalty_account.id = locked.id AND locked.taken > 0
  RETURNING loyalty_account.id, loyalty_account.balance, locked.taken,
    locked.lifetime_taken
)
INSERT INTO loyalty_entry (id, account_id, type, points, balance_after, reason,
  source_type, source_id, idempotency_key, metadata, created_at, updated_at)
SELECT ?, account.id, ?, -account.taken, account.balance, ?, ?, ?, ?,
  COALESCE(?::jsonb, '{}'::jsonb) || jsonb_build_object(
    'requested', ?::integer, 'shortfall', ?::integer - account.taken)
    || CASE WHEN account.lifetime_taken IS NULL THEN '{}'::jsonb
      ELSE jsonb_build_object('lifetime_moved', -account.lifetime_taken) END,
  clock_timestamp(), clock_timestamp()
FROM account
RETURNING ${ENTRY_COLUMNS}`

/**
 * Params: idempotency_key. The entry written under the key, with its owner's
 * `customer_id` and whether it was rolled back (a `rollback:<entry id>` entry
 * undoes it).
 */
export const SELECT_ENTRY_BY_KEY = `
SELECT ${ENTRY_COLUMNS},
  (SELECT customer_id FROM loyalty_account
   WHERE loyalty_account.id = loyalty_entry.account_id) AS customer_id,
  EXISTS (
    SELECT 1 FROM loyalty_entry undo
    WHERE undo.idempotency_key = 'rollback:' || loyalty_entry.id
  ) AS rolled_back
FROM loyalty_entry
WHERE idempotency_key = ?`

/** Params: customer_id. Spendable points, or no row without an account. */
export const SELECT_AVAILABLE = `
SELECT balance - held AS available FROM loyalty_account
WHERE customer_id = ? AND deleted_at IS NULL`

/** Params: cart_id. Holds on one cart take turns until the transaction ends. */
export const LOCK_CART_HOLDS = `
SELECT pg_advisory_xact_lock(hashtext('loyalty_hold'), hashtext(?))`

/** Params: cart_id. Adds the owner's `customer_id`. */
export const SELECT_ACTIVE_HOLD = `
SELECT ${HOLD_COLUMNS},
  (SELECT customer_id FROM loyalty_account
   WHERE loyalty_account.id = loyalty_hold.account_id) AS customer_id
FROM loyalty_hold
WHERE cart_id = ? AND status = 'active' AND deleted_at IS NULL`

/**
 * Reserves points for a cart if enough are spendable.
 * Params: points, customer_id, points, hold id, cart_id, points.
 */
export const INSERT_HOLD = `
WITH account AS (
  UPDATE loyalty_account
  SET held = held + ?,
      last_activity_at = clock_timestamp(),
      updated_at = clock_timestamp()
  WHERE customer_id = ? AND deleted_at IS NULL AND balance - held >= ?
  RETURNING id
)
INSERT INTO loyalty_hold (id, account_id, cart_id, points, status)
SELECT ?, account.id, ?, ?, 'active' FROM account
RETURNING ${HOLD_COLUMNS}`

/**
 * Frees the active holds matching `condition` (a fixed clause with its own
 * parameters) and takes their points off the accounts' held counts.
 */
function releaseHoldsWhere(condition: string) {
  return `
WITH hold AS (
  UPDATE loyalty_hold
  SET status = 'released', updated_at = clock_timestamp()
  WHERE ${condition} AND status = 'active' AND deleted_at IS NULL
  RETURNING ${HOLD_COLUMNS}
), freed AS (
  SELECT account_id, SUM(points) AS points FROM hold GROUP BY account_id
), account AS (
  UPDATE loyalty_account
  SET held = loyalty_account.held - freed.points,
      updated_at = clock_timestamp()
  FROM freed
  WHERE loyalty_account.id = freed.account_id
  RETURNING loyalty_account.id
)
SELECT ${HOLD_COLUMNS} FROM hold`
}

/** Params: cart_id. Frees the cart's active hold, if any. */
export const RELEASE_HOLD = releaseHoldsWhere("cart_id = ?")

/**
 * Frees every active hold last touched before a moment, for abandoned carts.
 * Params: the moment (ISO string). Returns one row per freed hold.
 */
export const RELEASE_HOLDS_BEFORE = releaseHoldsWhere(
  "updated_at < ?::timestamptz"
)

/**
 * Turns the cart's active hold into spent points: takes them off balance and
 * held together and writes the `redeem` entry, keyed by the hold so a repeat
 * finds it. Params: order_id, cart_id, entry id, reason, order_id, metadata.
 */
export const CONSUME_HOLD = `
WITH hold AS (
  UPDATE loyalty_hold
  SET status = 'consumed', order_id = ?, updated_at = clock_timestamp()
  WHERE cart_id = ? AND status = 'active' AND deleted_at IS NULL
  RETURNING id, account_id, points
), account AS (
  UPDATE loyalty_account
  SET balance = loyalty_account.balance - hold.points,
      held = loyalty_account.held - hold.points,
      last_activity_at = clock_timestamp(),
      updated_at = clock_timestamp()
  FROM hold
  WHERE loyalty_account.id = hold.account_id
  RETURNING loyalty_account.id, loyalty_account.balance, hold.id AS hold_id,
    hold.points
)
INSERT INTO loyalty_entry (id, account_id, type, points, balance_after, reason,
  source_type, source_id, idempotency_key, metadata, created_at, updated_at)
SELECT ?, account.id, 'redeem', -account.points, account.balance, ?, 'order',
  ?, 'loyalty_hold:' || account.hold_id, ?::jsonb, clock_timestamp(),
  clock_timestamp()
FROM account
RETURNING ${ENTRY_COLUMNS}`

/**
 * Undoes the redemption `CONSUME_HOLD` wrote: its points go back on balance
 * and held together, the consumed hold is retired and an active hold of the
 * same points takes its place for the cart (a fresh one, so consuming it
 * later writes its own `redeem` entry under its own key), and a `reverse`
 * entry keyed `rollback:<entry id>` records it. No row when the entry is not
 * a consumed hold's redemption, it was restored already, or the cart holds
 * other points now.
 *
 * Params: redeem entry id, new hold id, new entry id.
 */
export const RESTORE_HOLD = `
WITH redeem AS (
  SELECT id, reason, source_type, source_id,
    substr(idempotency_key, length('loyalty_hold:') + 1) AS hold_id
  FROM loyalty_entry
  WHERE id = ? AND type = 'redeem' AND idempotency_key LIKE 'loyalty_hold:%'
), consumed AS (
  UPDATE loyalty_hold
  SET status = 'released', updated_at = clock_timestamp()
  FROM redeem
  WHERE loyalty_hold.id = redeem.hold_id
    AND loyalty_hold.status = 'consumed' AND loyalty_hold.deleted_at IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM loyalty_hold active
      WHERE active.cart_id = loyalty_hold.cart_id
        AND active.status = 'active' AND active.deleted_at IS NULL
    )
  RETURNING loyalty_hold.account_id, loyalty_hold.cart_id,
    loyalty_hold.points, redeem.id AS entry_id, redeem.reason,
    redeem.source_type, redeem.source_id
), account AS (
  UPDATE loyalty_account
  SET balance = loyalty_account.balance + consumed.points,
      held = loyalty_account.held + consumed.points,
      last_activity_at = clock_timestamp(),
      updated_at = clock_timestamp()
  FROM consumed
  WHERE loyalty_account.id = consumed.account_id
  RETURNING loyalty_account.id, loyalty_account.balance
), hold AS (
  INSERT INTO loyalty_hold (id, account_id, cart_id, points, status)
  SELECT ?, account_id, cart_id, points, 'active' FROM consumed
  RETURNING id
)
INSERT INTO loyalty_entry (id, account_id, type, points, balance_after, reason,
  source_type, source_id, idempotency_key, metadata, created_at, updated_at)
SELECT ?, account.id, 'reverse', consumed.points, account.balance,
  'Rolled back: ' || consumed.reason, consumed.source_type, consumed.source_id,
  'rollback:' || consumed.entry_id,
  jsonb_build_object('rolled_back_entry_id', consumed.entry_id,
    'cart_id', consumed.cart_id, 'hold_id', hold.id),
  clock_timestamp(), clock_timestamp()
FROM consumed, account, hold
RETURNING ${ENTRY_COLUMNS}`

/** Params: cart_id. The ledger entry of the cart's consumed hold. */
export const SELECT_CONSUMED_ENTRY = `
SELECT ${ENTRY_COLUMNS} FROM loyalty_entry
WHERE idempotency_key = (
  SELECT 'loyalty_hold:' || id FROM loyalty_hold
  WHERE cart_id = ? AND status = 'consumed' AND deleted_at IS NULL
  ORDER BY updated_at DESC
  LIMIT 1
)`

/** Params: settings id. */
export const SELECT_SETTINGS = `
SELECT ${SETTINGS_COLUMNS} FROM loyalty_settings WHERE id = ?`

/** Params: id and every setting in column order; JSON ones as text. */
export const INSERT_SETTINGS = `
INSERT INTO loyalty_settings (id, points_per_unit, point_value, min_redemption,
  max_cart_share, expiry_months, tiers, signup_bonus, birthday_bonus,
  referral_bonus_referrer, referral_bonus_referee)
VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING
RETURNING ${SETTINGS_COLUMNS}`

/**
 * Sets the given settings columns. Params: one value per field (JSON ones as
 * text), then the settings id. Column names are the typed keys, never input.
 */
export function updateSettings(
  fields: readonly (keyof LoyaltySettingsValues)[]
): string {
  const assignments = fields.map((field) =>
    JSON_SETTINGS.has(field) ? `${field} = ?::jsonb` : `${field} = ?`
  )
  return `
UPDATE loyalty_settings
SET ${assignments.join(", ")}, updated_at = clock_timestamp()
WHERE id = ?
RETURNING ${SETTINGS_COLUMNS}`
}

/**
 * The account with its 12-month spend, which earn entries record and
 * reversals take back, and the programme settings, in one round trip.
 *
 * Params: customer_id, settings id.
 */
export const SELECT_ACCOUNT_SUMMARY = `
SELECT
  (SELECT row_to_json(a) FROM (
    SELECT ${ACCOUNT_COLUMNS} FROM loyalty_account
    WHERE customer_id = ? AND deleted_at IS NULL
  ) a) AS account,
  (SELECT COALESCE(SUM(
      CASE WHEN e.type = 'earn' THEN 1 ELSE -1 END
      * COALESCE((e.metadata->>'spend')::numeric, 0)
    ), 0)
    FROM loyalty_entry e
    JOIN loyalty_account acc ON acc.id = e.account_id
    WHERE acc.customer_id = ? AND acc.deleted_at IS NULL
      AND e.type IN ('earn', 'reverse')
      AND e.created_at >= now() - interval '12 months') AS spend_12m,
  (SELECT row_to_json(s) FROM (
    SELECT ${SETTINGS_COLUMNS} FROM loyalty_settings WHERE id = ?
  ) s) AS settings`
