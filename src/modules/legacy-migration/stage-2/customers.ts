import type {
  FilterableProviderIdentityProps,
  Logger,
  MedusaContainer,
  ProviderIdentityDTO,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import type { Pool } from "mariadb"
import { LEGACY_BCRYPT_PROVIDER } from "../../auth-legacy-bcrypt"
import { errorMessage } from "../deploy/errors"
import { Stage2Tally } from "./counts"
import { customerInput } from "./customer-input"
import { customerPages, type CustomerRow } from "./mysql"
import { runQuietly } from "./quiet-run"
import type { Stage2SkipReason } from "./types"

export const CUSTOMER_ENTITIES = ["customers", "addresses", "legacy_logins"]

/** A migrated customer as Medusa holds it. */
export type MedusaCustomer = {
  id: string
  email: string
  legacy_id: string | null
  addresses: number
}

/** Registered Medusa customers with these emails, by email. */
export async function customersByEmail(
  container: MedusaContainer,
  emails: string[]
): Promise<Map<string, MedusaCustomer>> {
  if (!emails.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "metadata", "addresses.id"],
    filters: { email: emails, has_account: true },
  })
  return new Map(
    data.flatMap((c) =>
      c.email
        ? [
            [
              c.email,
              {
                id: c.id,
                email: c.email,
                legacy_id:
                  typeof c.metadata?.legacy_id === "string"
                    ? c.metadata.legacy_id
                    : null,
                addresses: (c.addresses ?? []).length,
              },
            ] as const,
          ]
        : []
    )
  )
}

/** Provider identities of any of these emails. */
const byEmails = (emails: string[]): FilterableProviderIdentityProps => ({
  $or: emails.map((entity_id) => ({ entity_id })),
})

function skipCustomer(
  tally: Stage2Tally,
  row: CustomerRow,
  reason: Stage2SkipReason
) {
  tally.skip("customers", reason)
  tally.skip("addresses", "parent_not_migrated", row.addresses.length)
  tally.skip("legacy_logins", "parent_not_migrated")
}

async function createCustomers(
  container: MedusaContainer,
  rows: CustomerRow[],
  tally: Stage2Tally
): Promise<CustomerRow[]> {
  if (!rows.length) {
    return []
  }
  try {
    await runQuietly(container, createCustomersWorkflow, {
      customersData: rows.map(customerInput),
    })
    return rows
  } catch {
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const created: CustomerRow[] = []
    for (const row of rows) {
      try {
        await runQuietly(container, createCustomersWorkflow, {
          customersData: [customerInput(row)],
        })
        created.push(row)
      } catch (error) {
        logger.warn(
          `Legacy customer ${row.legacy_id} refused by Medusa: ${errorMessage(error)}`
        )
        skipCustomer(tally, row, "rejected_by_medusa")
      }
    }
    return created
  }
}

/** Whether `identity` signs in the migrated customer of its email. */
function isCustomerLogin(
  identity: ProviderIdentityDTO,
  customers: Map<string, MedusaCustomer>
): boolean {
  const customer = customers.get(identity.entity_id)
  return (
    identity.provider === LEGACY_BCRYPT_PROVIDER ||
    (!!customer &&
      identity.auth_identity?.app_metadata?.customer_id === customer.id)
  )
}

/**
 * Gives each migrated customer without a login an auth identity holding the
 * legacy bcrypt hash under the `legacy-bcrypt` provider, linked to the
 * customer. A customer who has a login already (a legacy one, or emailpass
 * after signing in once) keeps it: a re-run never brings a used hash back.
 * Another actor's identity with the same email (an admin user's) is not the
 * customer's login.
 */
async function ensureLegacyLogins(
  container: MedusaContainer,
  rows: CustomerRow[],
  customers: Map<string, MedusaCustomer>,
  tally: Stage2Tally
): Promise<void> {
  if (!rows.length) {
    return
  }
  const auth = container.resolve(Modules.AUTH)
  const identities = await auth.listProviderIdentities(
    byEmails(rows.map((r) => r.email)),
    { relations: ["auth_identity"] }
  )
  const withLogin = new Set(
    identities
      .filter((i) => isCustomerLogin(i, customers))
      .map((i) => i.entity_id)
  )
  const missing = rows.filter((r) => !withLogin.has(r.email))
  tally.add("legacy_logins", "present", rows.length - missing.length)
  if (!missing.length) {
    return
  }
  await auth.createAuthIdentities(
    missing.map((row) => ({
      provider_identities: [
        {
          provider: LEGACY_BCRYPT_PROVIDER,
          entity_id: row.email,
          provider_metadata: {
            password_hash: row.password_hash,
            legacy_id: row.legacy_id,
          },
        },
      ],
      app_metadata: { customer_id: customers.get(row.email)?.id },
    }))
  )
  tally.add("legacy_logins", "created", missing.length)
}

/** Counts the logins of migrated customers that sign in as that customer. */
async function readBackLogins(
  container: MedusaContainer,
  customers: MedusaCustomer[],
  tally: Stage2Tally
): Promise<void> {
  if (!customers.length) {
    return
  }
  const auth = container.resolve(Modules.AUTH)
  const identities = await auth.listProviderIdentities(
    byEmails(customers.map((c) => c.email)),
    { relations: ["auth_identity"] }
  )
  const signsInAs = new Set(
    identities.map(
      (i) => `${i.entity_id} ${i.auth_identity?.app_metadata?.customer_id}`
    )
  )
  tally.add(
    "legacy_logins",
    "medusa",
    customers.filter((c) => signsInAs.has(`${c.email} ${c.id}`)).length
  )
}

/**
 * Customers, their addresses and their legacy logins, page by page: creates
 * the customers Medusa lacks (a registered customer with the email and this
 * `metadata.legacy_id` is the migrated one), then their logins, then reads
 * the page back. `onPage` sees the counters after each page.
 */
export async function migrateCustomers(
  container: MedusaContainer,
  pool: Pool,
  batchSize: number,
  onPage: (tally: Stage2Tally) => void | Promise<void> = () => undefined
): Promise<Stage2Tally> {
  const tally = new Stage2Tally(CUSTOMER_ENTITIES)
  for await (const page of customerPages(pool, batchSize)) {
    for (const row of page) {
      tally.add("customers", "source")
      tally.add("addresses", "source", row.addresses.length)
      tally.add("legacy_logins", "source")
    }
    const live = page.filter((row) => {
      if (row.deleted_at) {
        skipCustomer(tally, row, "deleted_in_legacy_store")
      }
      return !row.deleted_at
    })
    const before = await customersByEmail(
      container,
      live.map((r) => r.email)
    )
    const present: CustomerRow[] = []
    const fresh: CustomerRow[] = []
    for (const row of live) {
      const existing = before.get(row.email)
      if (!existing) {
        fresh.push(row)
      } else if (existing.legacy_id === row.legacy_id) {
        present.push(row)
      } else {
        skipCustomer(tally, row, "email_has_medusa_account")
      }
    }
    const created = await createCustomers(container, fresh, tally)
    for (const [rows, field] of [
      [present, "present"],
      [created, "created"],
    ] as const) {
      tally.add("customers", field, rows.length)
      tally.add(
        "addresses",
        field,
        rows.reduce((n, r) => n + r.addresses.length, 0)
      )
    }
    const migrated = [...present, ...created]
    const after = await customersByEmail(
      container,
      migrated.map((r) => r.email)
    )
    await ensureLegacyLogins(container, migrated, after, tally)
    const found = migrated.flatMap((row) => {
      const customer = after.get(row.email)
      return customer?.legacy_id === row.legacy_id ? [customer] : []
    })
    tally.add("customers", "medusa", found.length)
    tally.add(
      "addresses",
      "medusa",
      found.reduce((n, c) => n + c.addresses, 0)
    )
    await readBackLogins(container, found, tally)
    await onPage(tally)
  }
  return tally
}
