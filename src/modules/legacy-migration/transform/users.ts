import type { Document } from "bson"
import { DocumentCheck, type TransformResult } from "./check"
import type { AddressRecord, CustomerRecord } from "./records"
import type { MigratedIndex } from "./references"
import { list, objectIdTime, parseObjectId, record, text } from "./values"

const BCRYPT = /^\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The address fields a row needs; null when the address cannot be kept. */
function address(value: unknown, position: number): AddressRecord | null {
  const a = record(value)
  const line1 = text(a.street ?? a.line1, 255)
  const city = text(a.city, 100)
  const country = text(a.country ?? a.countryCode)?.toUpperCase()
  if (!line1 || !city || !country || !/^[A-Z]{2}$/.test(country)) {
    return null
  }
  return {
    position,
    label: text(a.label, 50),
    fullName: text(a.fullName, 200),
    line1,
    line2: text(a.street2 ?? a.line2, 255),
    city,
    postalCode: text(a.postalCode, 20),
    countryCode: country,
    phone: text(a.phone, 32),
    isDefault: a.isDefault === true,
  }
}

/**
 * A legacy `users` document as a customer. The email is lower-cased; one that
 * an earlier user already owns, in any case, makes this user a duplicate.
 * Unusable addresses and wishes for unknown products are dropped, not fatal.
 */
export function transformUser(
  document: Document,
  migrated: MigratedIndex
): TransformResult<CustomerRecord> {
  const check = new DocumentCheck(document)
  check.require(["email", "password", "firstName"])
  if (check.failed) {
    return check.quarantine()
  }
  const email = String(document.email).trim().toLowerCase()
  if (!EMAIL.test(email)) {
    check.fail("invalid_value", `email is not an address: ${document.email}`)
  }
  const passwordHash = String(document.password)
  if (!BCRYPT.test(passwordHash)) {
    check.fail("invalid_value", "password is not a bcrypt hash")
  }
  const loyaltyPoints = check.integer(
    document.loyaltyPoints ?? 0,
    "loyaltyPoints",
    0
  )
  const createdAt = check.date(
    document.createdAt,
    "createdAt",
    objectIdTime(check.legacyId)
  )
  const updatedAt = check.date(document.updatedAt, "updatedAt", createdAt)
  const deletedAt = check.optionalDate(document.deletedAt, "deletedAt")
  const owner = migrated.emailOwner(email)
  if (owner && owner !== check.legacyId) {
    check.fail("duplicate_email", `${email} already belongs to user ${owner}`)
  }

  return check.finish(() => {
    const addresses = list(document.addresses)
      .map((value, position) => address(value, position))
      .filter((a): a is AddressRecord => a !== null)
    const wished = list(document.wishlist).flatMap((value) => {
      const id = parseObjectId(value)
      return id.ok ? [id.value] : []
    })
    const wishlist = [...new Set(wished)].filter((id) =>
      migrated.has("products", id)
    )
    return {
      legacyId: check.legacyId ?? "",
      email,
      passwordHash,
      firstName: text(document.firstName, 100) ?? "",
      lastName: text(document.lastName, 100),
      phone: text(document.phone, 32),
      loyaltyPoints,
      createdAt,
      updatedAt,
      deletedAt,
      addresses,
      wishlist,
      droppedAddresses: list(document.addresses).length - addresses.length,
      droppedWishlistItems: list(document.wishlist).length - wishlist.length,
    }
  })
}
