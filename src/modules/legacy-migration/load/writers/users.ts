import type { CustomerRecord } from "../../transform/records"
import { replaceChildren, type ChildTable } from "../children"
import { upsertParents } from "../parents"
import type { SqlValue } from "../sql"
import type { CollectionWriter } from "./types"

const CUSTOMER_COLUMNS = [
  "legacy_id",
  "email",
  "password_hash",
  "first_name",
  "last_name",
  "phone",
  "loyalty_points",
  "created_at",
  "updated_at",
  "deleted_at",
]

const ADDRESSES: ChildTable = {
  table: "customer_addresses",
  columns: [
    "customer_id",
    "position",
    "label",
    "full_name",
    "line1",
    "line2",
    "city",
    "postal_code",
    "country_code",
    "phone",
    "is_default",
  ],
  key: ["customer_id", "position"],
}

const WISHLIST: ChildTable = {
  table: "wishlist_items",
  columns: ["customer_id", "product_id", "added_at"],
  key: ["customer_id", "product_id"],
}

function addressRows(customerId: number, c: CustomerRecord): SqlValue[][] {
  return c.addresses.map((a) => [
    customerId,
    a.position,
    a.label,
    a.fullName,
    a.line1,
    a.line2,
    a.city,
    a.postalCode,
    a.countryCode,
    a.phone,
    a.isDefault,
  ])
}

/**
 * Customers with their addresses and wishlists. The legacy store did not
 * date wishes, so a wish is dated by the user document's last update.
 */
export const writeUsers: CollectionWriter<"users"> = async (
  connection,
  records,
  index
) => {
  const { ids, existed } = await upsertParents(
    connection,
    "customers",
    CUSTOMER_COLUMNS,
    records.map((c) => [
      c.legacyId,
      c.email,
      c.passwordHash,
      c.firstName,
      c.lastName,
      c.phone,
      c.loyaltyPoints,
      c.createdAt,
      c.updatedAt,
      c.deletedAt,
    ])
  )
  const idOf = (c: CustomerRecord) => ids.get(c.legacyId) ?? 0
  await replaceChildren(
    connection,
    ADDRESSES,
    records.flatMap((c) => addressRows(idOf(c), c)),
    existed
  )
  await replaceChildren(
    connection,
    WISHLIST,
    records.flatMap((c) =>
      c.wishlist.map((product) => [
        idOf(c),
        index.rowId("products", product),
        c.updatedAt,
      ])
    ),
    existed
  )
}
