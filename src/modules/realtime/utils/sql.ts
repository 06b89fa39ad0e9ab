// Raw statements for back-in-stock requests. Claiming is one UPDATE, so two
// concurrent restocks never notify the same request twice.

const COLUMNS = `id, variant_id, customer_id, email, notified_at, created_at,
  updated_at`

/** `?, ?, ?` for `count` parameters. */
export const placeholders = (count: number) =>
  Array.from({ length: count }, () => "?").join(", ")

/** Params: id, variant_id, customer_id, email. No row when one is pending. */
export const INSERT_PENDING = `
INSERT INTO back_in_stock_subscription (id, variant_id, customer_id, email)
VALUES (?, ?, ?, ?)
ON CONFLICT DO NOTHING
RETURNING ${COLUMNS}`

/** Params: variant_id, customer_id. */
export const SELECT_PENDING = `
SELECT ${COLUMNS} FROM back_in_stock_subscription
WHERE variant_id = ? AND customer_id = ?
  AND notified_at IS NULL AND deleted_at IS NULL`

/** Marks the pending requests of the variants notified. Params: variant ids. */
export const claimPending = (count: number) => `
UPDATE back_in_stock_subscription
SET notified_at = now(), updated_at = now()
WHERE variant_id IN (${placeholders(count)})
  AND notified_at IS NULL AND deleted_at IS NULL
RETURNING ${COLUMNS}`

/**
 * Makes claimed requests pending again, unless the customer has asked anew
 * meanwhile. Params: request ids.
 */
export const releaseClaimed = (count: number) => `
UPDATE back_in_stock_subscription AS claimed
SET notified_at = NULL, updated_at = now()
WHERE claimed.id IN (${placeholders(count)})
  AND claimed.notified_at IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM back_in_stock_subscription AS pending
    WHERE pending.variant_id = claimed.variant_id
      AND pending.customer_id = claimed.customer_id
      AND pending.notified_at IS NULL AND pending.deleted_at IS NULL
  )
RETURNING id`
