import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  LOYALTY_MODULE,
  type LoyaltyModuleService,
} from "../../src/modules/loyalty"

type Priced = {
  sku?: string | null
  title?: string | null
  manage_inventory?: boolean | null
  price_set?: {
    prices?: ({ amount?: unknown; currency_code?: string | null } | null)[]
  } | null
} | null

const sorted = (lines: string[]) => [...lines].sort()

/**
 * What stage 2 leaves in Medusa, without generated ids: products by
 * external id (handle, title, status, categories, channels), variants by
 * SKU with their prices, stock levels by SKU, customers by email with their
 * addresses, logins, loyalty entries and balances, and the row counts that
 * reveal a duplicate. Two stores that took different paths to the same data
 * snapshot the same.
 */
export async function legacyMedusaSnapshot(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: [
      "external_id",
      "handle",
      "title",
      "status",
      "categories.handle",
      "sales_channels.name",
      "variants.sku",
      "variants.title",
      "variants.manage_inventory",
      "variants.price_set.prices.amount",
      "variants.price_set.prices.currency_code",
    ],
  })
  const migrated = products.filter((p) => p.external_id)
  const variants = migrated.flatMap((p) =>
    ((p.variants ?? []) as Priced[]).map((v) =>
      [
        p.external_id,
        v?.sku,
        v?.title,
        v?.manage_inventory,
        sorted(
          (v?.price_set?.prices ?? []).map(
            (price) => `${price?.currency_code} ${Number(price?.amount)}`
          )
        ).join(","),
      ].join("|")
    )
  )
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["sku", "location_levels.stocked_quantity"],
  })
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      "email",
      "first_name",
      "last_name",
      "has_account",
      "metadata",
      "addresses.address_1",
      "addresses.city",
      "addresses.country_code",
      "addresses.is_default_shipping",
    ],
  })
  const emailOf = new Map(customers.map((c) => [c.id, c.email]))
  const auth = container.resolve(Modules.AUTH)
  const identities = await auth.listProviderIdentities(
    {},
    { relations: ["auth_identity"] }
  )
  const loyalty = container.resolve<LoyaltyModuleService>(LOYALTY_MODULE)
  const accounts = await loyalty.listLoyaltyAccounts({})
  const entries = await loyalty.listLoyaltyEntries({})
  const holderOf = new Map(accounts.map((a) => [a.id, a.customer_id]))
  const product = container.resolve(Modules.PRODUCT)
  const inventory = container.resolve(Modules.INVENTORY)
  const customer = container.resolve(Modules.CUSTOMER)
  const count = async (list: Promise<[unknown[], number]>) => (await list)[1]
  return {
    products: sorted(
      migrated.map((p) =>
        [
          p.external_id,
          p.handle,
          p.title,
          p.status,
          (p.categories ?? []).map((c) => c?.handle).join(","),
          (p.sales_channels ?? []).map((s) => s?.name).join(","),
        ].join("|")
      )
    ),
    variants: sorted(variants),
    stock: sorted(
      items.map(
        (i) =>
          `${i.sku} ${(i.location_levels ?? []).map((l) => Number(l?.stocked_quantity)).join(",")}`
      )
    ),
    customers: sorted(
      customers.map((c) =>
        [
          c.email,
          c.first_name,
          c.last_name,
          c.has_account,
          c.metadata?.legacy_id ?? "",
          sorted(
            (c.addresses ?? []).map(
              (a) =>
                `${a?.address_1}/${a?.city}/${a?.country_code}/${a?.is_default_shipping}`
            )
          ).join(";"),
        ].join("|")
      )
    ),
    logins: sorted(
      identities.map(
        (i) =>
          `${i.provider} ${i.entity_id} ${emailOf.get(String(i.auth_identity?.app_metadata?.customer_id)) ?? ""}`
      )
    ),
    balances: sorted(
      accounts.map((a) => `${emailOf.get(a.customer_id)} ${Number(a.balance)}`)
    ),
    entries: sorted(
      entries.map(
        (e) =>
          `${emailOf.get(holderOf.get(e.account_id) ?? "")} ${e.type} ${Number(e.points)} ${e.idempotency_key ?? ""}`
      )
    ),
    rows: {
      products: await count(product.listAndCountProducts({}, { take: 1 })),
      variants: await count(
        product.listAndCountProductVariants({}, { take: 1 })
      ),
      categories: await count(
        product.listAndCountProductCategories({}, { take: 1 })
      ),
      inventory_items: await count(
        inventory.listAndCountInventoryItems({}, { take: 1 })
      ),
      levels: await count(
        inventory.listAndCountInventoryLevels({}, { take: 1 })
      ),
      customers: await count(customer.listAndCountCustomers({}, { take: 1 })),
      addresses: await count(
        customer.listAndCountCustomerAddresses({}, { take: 1 })
      ),
      identities: identities.length,
      loyalty_entries: entries.length,
    },
  }
}
