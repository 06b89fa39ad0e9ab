import type { CreateCustomerDTO } from "@medusajs/framework/types"
import type { AddressRow, CustomerRow } from "./mysql"

type AddressInput = NonNullable<CreateCustomerDTO["addresses"]>[number]

/** "Camille Martin" → first and last name; one word is a first name. */
export function splitName(fullName: string | null): {
  first_name?: string
  last_name?: string
} {
  const words = (fullName ?? "").trim().split(/\s+/).filter(Boolean)
  if (!words.length) {
    return {}
  }
  return {
    first_name: words[0],
    last_name: words.slice(1).join(" ") || undefined,
  }
}

/**
 * Legacy addresses as Medusa customer addresses. Medusa allows one default
 * shipping and one default billing address: the first legacy default gets
 * both.
 */
export function addressInputs(customer: CustomerRow): AddressInput[] {
  const firstDefault = customer.addresses.findIndex((a) => a.is_default)
  return customer.addresses.map((a: AddressRow, i) => {
    const name = splitName(a.full_name)
    return {
      address_name: a.label ?? undefined,
      first_name: name.first_name ?? customer.first_name,
      last_name: name.first_name
        ? name.last_name
        : (customer.last_name ?? undefined),
      address_1: a.line1,
      address_2: a.line2 ?? undefined,
      city: a.city,
      postal_code: a.postal_code ?? undefined,
      country_code: a.country_code.toLowerCase(),
      phone: a.phone ?? undefined,
      is_default_shipping: i === firstDefault,
      is_default_billing: i === firstDefault,
      metadata: { legacy_position: a.position },
    }
  })
}

/**
 * A legacy customer as `createCustomersWorkflow` input: a registered
 * customer (its legacy password becomes a login), keyed by
 * `metadata.legacy_id`, with its addresses.
 */
export function customerInput(customer: CustomerRow): CreateCustomerDTO {
  return {
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name ?? undefined,
    phone: customer.phone ?? undefined,
    has_account: true,
    metadata: { legacy_id: customer.legacy_id },
    addresses: addressInputs(customer),
  }
}
