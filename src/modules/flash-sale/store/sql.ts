// Raw statements of the flash-sale store. Every counter change is a guarded
// `SET x = x + ?` whose WHERE clause re-checks the bound after the row lock is
// granted, and the reservation row that causes it is written by the same
// statement (data-modifying CTEs), so they commit or fail together.

const RESERVATION_COLUMNS = `id, item_id, customer_id, quantity, status,
  expires_at, cart_id, order_id, created_at, updated_at`

/** An item's free units, after the update when in its RETURNING list. */
const UNITS_LEFT = `item.units_allocated - item.units_sold
  - item.units_reserved AS units_left`

/** The reservation columns of CTE `r` plus the item's `sale_id`. */
const RESERVATION_WITH_SALE = `r.id, i.sale_id, r.item_id, r.customer_id,
  r.quantity, r.status, r.expires_at, r.cart_id, r.order_id, r.created_at,
  r.updated_at`

/**
 * Adds units to the item's `units_reserved` if the sale sells at `now` and the
 * units fit next to those already sold and reserved; returns the units left
 * after it. The guard means some were left before, so `units_left = 0` marks
 * the one statement that sold the item out.
 * Params: quantity, item id, sale id, now, now, quantity.
 */
const HOLD_UNITS = `
UPDATE flash_sale_item AS item
SET units_reserved = item.units_reserved + ?, updated_at = clock_timestamp()
FROM flash_sale AS sale
WHERE item.id = ? AND item.sale_id = ? AND item.deleted_at IS NULL
  AND sale.id = item.sale_id AND sale.deleted_at IS NULL
  AND sale.status IN ('scheduled', 'active')
  AND sale.starts_at <= ?::timestamptz AND sale.ends_at > ?::timestamptz
  AND item.units_sold + item.units_reserved + ? <= item.units_allocated
RETURNING item.id, item.sale_id, item.per_customer_limit, ${UNITS_LEFT}`

/**
 * Units one customer holds or bought of an item. Only the customer is in
 * WHERE, as in `RECORD_RESERVATIONS`: with the item there too, a sale's item
 * the table statistics have not seen yet is read through its own index,
 * every hold of the rush under the item's lock; the customer's index reads
 * their few holds. Params: item id, customer id.
 */
const HELD_BY_CUSTOMER = `
SELECT COALESCE(SUM(quantity) FILTER (WHERE item_id = ?), 0)
FROM flash_sale_reservation
WHERE customer_id = ? AND deleted_at IS NULL
  AND status IN ('active', 'converted')`

/**
 * First half of a reservation without Redis: holds the units and keeps the
 * item row locked until commit, which orders every writer of that item.
 * Params: as `HOLD_UNITS`.
 */
export const LOCK_AND_HOLD_UNITS = HOLD_UNITS

/**
 * Second half of a reservation without Redis: inserts the row only if the
 * customer stays within the item's limit. Run after `LOCK_AND_HOLD_UNITS` in
 * the same transaction: the item lock is held, so this statement's snapshot
 * already holds every earlier reservation of the item.
 * Params: id, item id, customer id, quantity, expires_at, cart id, item id,
 * customer id, quantity, limit.
 */
export const INSERT_RESERVATION_WITHIN_LIMIT = `
INSERT INTO flash_sale_reservation (id, item_id, customer_id, quantity, status,
  expires_at, cart_id)
SELECT ?, ?, ?, ?, 'active', ?::timestamptz, ?
WHERE (${HELD_BY_CUSTOMER}) + ? <= ?
RETURNING ${RESERVATION_COLUMNS}`

/**
 * Locks the items of reservations Redis has already admitted, in id order so
 * two writers cannot deadlock. Run first in the transaction that writes them:
 * the next statement's snapshot then holds every earlier reservation of
 * these items. Params: a JSON array of item ids.
 */
export const LOCK_ITEMS = `
SELECT id FROM flash_sale_item
WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))
ORDER BY id
FOR UPDATE`

/**
 * Reservations Redis has already admitted, in one statement (group commit),
 * after `LOCK_ITEMS` in the same transaction. PostgreSQL guards the limits
 * again, since Redis may be wrong: a row is left out when its sale was not
 * selling at its own `now`, or when it would take its customer past the
 * item's limit (counting the customer's earlier rows of the batch, in
 * arrival order); each item is then held once for the total of its rows
 * left, so an item whose total does not fit writes none of them. Returns,
 * per written row, only what PostgreSQL chose (the caller has the rest): its
 * id, `created_at` (also its `updated_at`: both default to the
 * transaction's time) and its item's `units_left` after the whole batch.
 * Params: a JSON array of `{id, sale_id, item_id, customer_id, quantity,
 * expires_at, cart_id, now, position}`.
 */
export const RECORD_RESERVATIONS = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(id text, sale_id text,
    item_id text, customer_id text, quantity int, expires_at timestamptz,
    cart_id text, now timestamptz, position int)
), live AS (
  SELECT input.* FROM input
  JOIN flash_sale AS sale ON sale.id = input.sale_id
  WHERE sale.deleted_at IS NULL AND sale.status IN ('scheduled', 'active')
    AND sale.starts_at <= input.now AND sale.ends_at > input.now
), running AS (
  SELECT live.*, SUM(live.quantity) OVER (
    PARTITION BY live.item_id, live.customer_id ORDER BY live.position
  ) AS customer_total
  FROM live
), within AS (
  SELECT running.* FROM running
  JOIN flash_sale_item AS item ON item.id = running.item_id
  CROSS JOIN LATERAL (
    -- Only the customer in WHERE: an item new to the table statistics
    -- would otherwise be read through its own index, every row of it for
    -- each row of the batch; the customer's index reads their few holds.
    SELECT COALESCE(
      SUM(reservation.quantity) FILTER (
        WHERE reservation.item_id = running.item_id
      ), 0) AS quantity
    FROM flash_sale_reservation AS reservation
    WHERE reservation.customer_id = running.customer_id
      AND reservation.deleted_at IS NULL
      AND reservation.status IN ('active', 'converted')
  ) AS held
  WHERE held.quantity + running.customer_total <= item.per_customer_limit
), demand AS (
  SELECT item_id, sale_id, SUM(quantity) AS quantity FROM within
  GROUP BY item_id, sale_id
), i AS (
  UPDATE flash_sale_item AS item
  SET units_reserved = item.units_reserved + demand.quantity,
    updated_at = clock_timestamp()
  FROM demand
  WHERE item.id = demand.item_id AND item.sale_id = demand.sale_id
    AND item.deleted_at IS NULL
    AND item.units_sold + item.units_reserved + demand.quantity
      <= item.units_allocated
  RETURNING item.id, item.sale_id, ${UNITS_LEFT}
), r AS (
  INSERT INTO flash_sale_reservation (id, item_id, customer_id, quantity,
    status, expires_at, cart_id)
  SELECT within.id, within.item_id, within.customer_id, within.quantity,
    'active', within.expires_at, within.cart_id
  FROM within JOIN i ON i.id = within.item_id
  RETURNING id, item_id, created_at
)
SELECT r.id, r.created_at, i.units_left FROM r JOIN i ON i.id = r.item_id`

/**
 * Ends an active reservation (`released` or `expired`) and gives its units
 * back to the item. Params: new status, reservation id.
 */
export const RELEASE_RESERVATION = `
WITH r AS (
  UPDATE flash_sale_reservation
  SET status = ?, updated_at = clock_timestamp()
  WHERE id = ? AND status = 'active' AND deleted_at IS NULL
  RETURNING ${RESERVATION_COLUMNS}
), i AS (
  UPDATE flash_sale_item AS item
  SET units_reserved = item.units_reserved - r.quantity,
    updated_at = clock_timestamp()
  FROM r
  WHERE item.id = r.item_id
  RETURNING item.id, item.sale_id
)
SELECT ${RESERVATION_WITH_SALE} FROM r JOIN i ON i.id = r.item_id`

/**
 * Turns an unexpired active reservation into sold units, guarded by
 * `units_sold + quantity <= units_allocated`. A row with a null `sale_id`
 * means the guard refused and the caller must roll back.
 * Params: order id, cart id, reservation id, now.
 */
export const CONVERT_RESERVATION = `
WITH r AS (
  UPDATE flash_sale_reservation
  SET status = 'converted', order_id = COALESCE(?, order_id),
    cart_id = COALESCE(?, cart_id), updated_at = clock_timestamp()
  WHERE id = ? AND status = 'active' AND expires_at > ?::timestamptz
    AND deleted_at IS NULL
  RETURNING ${RESERVATION_COLUMNS}
), i AS (
  UPDATE flash_sale_item AS item
  SET units_sold = item.units_sold + r.quantity,
    units_reserved = item.units_reserved - r.quantity,
    updated_at = clock_timestamp()
  FROM r
  WHERE item.id = r.item_id
    AND item.units_sold + r.quantity <= item.units_allocated
  RETURNING item.id, item.sale_id
)
SELECT ${RESERVATION_WITH_SALE} FROM r LEFT JOIN i ON i.id = r.item_id`

/**
 * Expires up to a batch of active reservations past their deadline, all of
 * the item with the oldest one no other transaction holds, and gives their
 * units back. One item per statement means one item lock, so concurrent
 * sweepers cannot deadlock; rows another transaction holds are skipped, also
 * when choosing the item, so one busy item cannot stop the sweep.
 * Params: now, now, batch size.
 */
export const EXPIRE_DUE = `
WITH target AS (
  SELECT item_id FROM flash_sale_reservation
  WHERE status = 'active' AND expires_at <= ?::timestamptz
    AND deleted_at IS NULL
  ORDER BY expires_at
  LIMIT 1
  FOR UPDATE SKIP LOCKED
), due AS (
  SELECT reservation.id
  FROM flash_sale_reservation AS reservation
  JOIN target ON target.item_id = reservation.item_id
  WHERE reservation.status = 'active'
    AND reservation.expires_at <= ?::timestamptz
    AND reservation.deleted_at IS NULL
  ORDER BY reservation.expires_at
  LIMIT ?
  FOR UPDATE OF reservation SKIP LOCKED
), r AS (
  UPDATE flash_sale_reservation AS reservation
  SET status = 'expired', updated_at = clock_timestamp()
  FROM due
  WHERE reservation.id = due.id
  RETURNING reservation.id, reservation.item_id, reservation.customer_id,
    reservation.quantity, reservation.status, reservation.expires_at,
    reservation.cart_id, reservation.order_id, reservation.created_at,
    reservation.updated_at
), freed AS (
  SELECT item_id, SUM(quantity) AS quantity FROM r GROUP BY item_id
), i AS (
  UPDATE flash_sale_item AS item
  SET units_reserved = item.units_reserved - freed.quantity,
    updated_at = clock_timestamp()
  FROM freed
  WHERE item.id = freed.item_id
  RETURNING item.id, item.sale_id
)
SELECT ${RESERVATION_WITH_SALE} FROM r JOIN i ON i.id = r.item_id`

/** Params: reservation id. */
export const SELECT_RESERVATION = `
SELECT ${RESERVATION_WITH_SALE}
FROM flash_sale_reservation AS r
JOIN flash_sale_item AS i ON i.id = r.item_id
WHERE r.id = ? AND r.deleted_at IS NULL`

/** Params: a JSON array of reservation ids. */
export const SELECT_RESERVATIONS = `
SELECT ${RESERVATION_WITH_SALE}
FROM flash_sale_reservation AS r
JOIN flash_sale_item AS i ON i.id = r.item_id
WHERE r.id IN (SELECT jsonb_array_elements_text(?::jsonb))
  AND r.deleted_at IS NULL`

/** Params: sale id. */
export const SELECT_SALE = `
SELECT id, title, status, starts_at, ends_at FROM flash_sale
WHERE id = ? AND deleted_at IS NULL`

/** Params: item id, sale id. */
export const SELECT_ITEM = `
SELECT id, sale_id, units_allocated, units_sold, units_reserved,
  per_customer_limit
FROM flash_sale_item
WHERE id = ? AND sale_id = ? AND deleted_at IS NULL`

/**
 * The sale's items with the units their active reservations hold, counted
 * from the rows rather than the counter. Params: sale id.
 */
export const SELECT_SALE_ITEMS = `
SELECT item.id, item.units_allocated, item.units_sold, item.units_reserved,
  item.per_customer_limit,
  COALESCE(SUM(r.quantity) FILTER (WHERE r.status = 'active'), 0)::int
    AS active_quantity
FROM flash_sale_item AS item
LEFT JOIN flash_sale_reservation AS r
  ON r.item_id = item.id AND r.deleted_at IS NULL
WHERE item.sale_id = ? AND item.deleted_at IS NULL
GROUP BY item.id`

/** Params: sale id. */
export const SELECT_ACTIVE_RESERVATIONS = `
SELECT r.id, r.item_id, r.customer_id, r.quantity, r.expires_at
FROM flash_sale_reservation AS r
JOIN flash_sale_item AS item ON item.id = r.item_id
WHERE item.sale_id = ? AND item.deleted_at IS NULL
  AND r.status = 'active' AND r.deleted_at IS NULL`

/** Units each customer holds or bought, per item of a sale. Params: sale id. */
export const SELECT_CUSTOMER_UNITS = `
SELECT r.item_id, r.customer_id, SUM(r.quantity)::int AS quantity
FROM flash_sale_reservation AS r
JOIN flash_sale_item AS item ON item.id = r.item_id
WHERE item.sale_id = ? AND item.deleted_at IS NULL
  AND r.status IN ('active', 'converted') AND r.deleted_at IS NULL
GROUP BY r.item_id, r.customer_id`

/** Units one customer holds or bought of an item. Params: item id, customer. */
export const SELECT_HELD_BY_CUSTOMER = `
SELECT (${HELD_BY_CUSTOMER})::int AS quantity`

/**
 * Moves a bought reservation's units between the sale and its purchase, once:
 * `converted` to `returned` (its order was canceled) gives them back,
 * `returned` to `converted` (undoing that) takes them again. `units_sold`
 * changes by `direction * quantity`, guarded so it never goes below 0 nor
 * past the units still free; `units_left` is the item's after the move. No
 * row means the reservation was not in the `from` status; a row with a null
 * `sale_id` means the guard refused and the caller must roll back. Params: to, reservation id, from, direction (-1 to
 * give back, 1 to take again), direction, direction.
 */
export const MOVE_BOUGHT_UNITS = `
WITH r AS (
  UPDATE flash_sale_reservation
  SET status = ?, updated_at = clock_timestamp()
  WHERE id = ? AND status = ? AND deleted_at IS NULL
  RETURNING ${RESERVATION_COLUMNS}
), i AS (
  UPDATE flash_sale_item AS item
  SET units_sold = item.units_sold + ?::int * r.quantity,
    updated_at = clock_timestamp()
  FROM r
  WHERE item.id = r.item_id
    AND item.units_sold + ?::int * r.quantity >= 0
    AND item.units_sold + item.units_reserved + ?::int * r.quantity
      <= item.units_allocated
  RETURNING item.id, item.sale_id, ${UNITS_LEFT}
)
SELECT ${RESERVATION_WITH_SALE}, i.units_left
FROM r LEFT JOIN i ON i.id = r.item_id`

/**
 * Sets an item's allocation when it differs, under the check that keeps it
 * at or above the units sold and reserved; returns the units left after it.
 * The write changes no counter, so a raised allocation always leaves some,
 * and a lowered one that leaves none is the write that sold the item out:
 * some were left before. Params: units, item id, sale id, units.
 */
export const SET_ALLOCATION = `
UPDATE flash_sale_item AS item
SET units_allocated = ?, updated_at = clock_timestamp()
WHERE item.id = ? AND item.sale_id = ? AND item.deleted_at IS NULL
  AND item.units_allocated <> ?
RETURNING item.id, item.sale_id, item.variant_id, ${UNITS_LEFT}`

/**
 * Puts a reservation that is in no cart yet into one, while it is the
 * customer's, active and unexpired. Params: cart id, reservation id,
 * customer id, now.
 */
export const PLACE_IN_CART = `
WITH r AS (
  UPDATE flash_sale_reservation
  SET cart_id = ?, updated_at = clock_timestamp()
  WHERE id = ? AND customer_id = ? AND status = 'active'
    AND expires_at > ?::timestamptz AND cart_id IS NULL
    AND deleted_at IS NULL
  RETURNING ${RESERVATION_COLUMNS}
)
SELECT ${RESERVATION_WITH_SALE} FROM r JOIN flash_sale_item i ON i.id = r.item_id`

/**
 * Takes a reservation back out of the cart it was put in, if it is still
 * there. Params: reservation id, cart id.
 */
export const TAKE_OUT_OF_CART = `
UPDATE flash_sale_reservation
SET cart_id = NULL, updated_at = clock_timestamp()
WHERE id = ? AND cart_id = ? AND deleted_at IS NULL`
